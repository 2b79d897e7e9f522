package com.example.shop.supplier;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * An outbound HTTP call, made the usual Spring way (RestClient). The supplier's address is
 * {@code shop.supplier-url}, by default this application's own port on the loopback address.
 */
@Component
public class SupplierClient {

    private final RestClient http = RestClient.create();
    private final Environment environment;

    public SupplierClient(Environment environment) {
        this.environment = environment;
    }

    public StockLevel stock(long sku) {
        return http.get().uri(supplierUrl() + "/api/supplier/stock/{sku}", sku).retrieve().body(StockLevel.class);
    }

    /** Read per call: the server's port is known only once it has started. */
    private String supplierUrl() {
        String configured = environment.getProperty("shop.supplier-url");
        return configured != null ? configured : "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }
}
