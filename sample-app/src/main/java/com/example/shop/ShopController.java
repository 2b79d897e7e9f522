package com.example.shop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP endpoints with deliberately different cost profiles, so a profiler attached to this app
 * has something to rank: fast, waiting, CPU-bound, allocating and failing operations.
 */
@RestController
@RequestMapping("/api")
public class ShopController {

    private final InventoryService inventoryService;
    private final PricingService pricingService;
    private final OrderRepository orderRepository;
    private final QuoteService quoteService;
    private final AtomicLong flakyCalls = new AtomicLong();

    public ShopController(InventoryService inventoryService, PricingService pricingService,
                          OrderRepository orderRepository, QuoteService quoteService) {
        this.inventoryService = inventoryService;
        this.pricingService = pricingService;
        this.orderRepository = orderRepository;
        this.quoteService = quoteService;
    }

    /** Fast baseline: does no work, so it should sit at the bottom of every ranking. */
    @GetMapping("/ping")
    public String ping() {
        return "pong";
    }

    /** Latency without CPU: waits ~50 ms as if blocked on a remote supplier (wall time, not CPU). */
    @GetMapping("/slow")
    public Map<String, Object> slow() {
        int stock = inventoryService.awaitSupplier();
        return Map.of("stock", stock);
    }

    /** CPU-bound: ~15 ms of deterministic arithmetic per call in {@link PricingService#computePrice}. */
    @GetMapping("/price/{id}")
    public Map<String, Object> price(@PathVariable long id) {
        long cents = pricingService.computePrice(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("priceCents", cents);
        return body;
    }

    /** Mostly fast, some ids slow: {@link QuoteService#quote} recomputes what is not cached. */
    @GetMapping("/quote/{id}")
    public Map<String, Object> quote(@PathVariable long id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("quoteCents", quoteService.quote(id));
        return body;
    }

    /** Allocation-heavy: {@link OrderRepository#loadOrders} builds ~2 MB of objects per call. */
    @GetMapping("/report")
    public Map<String, Object> report() {
        List<OrderRepository.Order> orders = orderRepository.loadOrders();
        long total = 0;
        for (OrderRepository.Order order : orders) {
            total += order.totalCents();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orders", orders.size());
        body.put("totalCents", total);
        return body;
    }

    /**
     * Error path: every 4th call throws, so Spring answers 500 for exactly 1 in 4 requests
     * (deterministic counter, no randomness), giving the profiler a known error rate.
     */
    @GetMapping("/flaky")
    public String flaky() {
        long n = flakyCalls.incrementAndGet();
        if (n % 4 == 0) {
            throw new IllegalStateException("flaky failure on call " + n);
        }
        return "ok";
    }
}
