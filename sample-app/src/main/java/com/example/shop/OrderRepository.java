package com.example.shop;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Repository;

/** Order storage that materialises every order on each read, like a naive data layer. */
@Repository
public class OrderRepository {

    static final int ORDERS = 2_000;
    static final int LINES_PER_ORDER = 128;

    /** One order with its line amounts (a long[] per order, so most bytes are arrays). */
    public record Order(long id, String customer, long[] lineCents) {
        long totalCents() {
            long sum = 0;
            for (long cents : lineCents) {
                sum += cents;
            }
            return sum;
        }
    }

    /**
     * Builds a fresh list of 2,000 orders with 128 lines each: about 2 MB of arrays plus
     * small objects per call, so this method dominates allocation rankings.
     */
    public List<Order> loadOrders() {
        List<Order> orders = new ArrayList<>(ORDERS);
        for (int i = 0; i < ORDERS; i++) {
            long[] lines = new long[LINES_PER_ORDER];
            for (int j = 0; j < LINES_PER_ORDER; j++) {
                lines[j] = (i * 31L + j * 7L) % 1_000 + 1;
            }
            orders.add(new Order(i, "customer-" + (i % 100), lines));
        }
        return orders;
    }
}
