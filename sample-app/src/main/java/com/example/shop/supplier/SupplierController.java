package com.example.shop.supplier;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for another service: the supplier's stock API, answering after {@value #LATENCY_MS} ms.
 * The shop calls it over HTTP ({@link SupplierClient}); in the demo both run in this one process.
 */
@RestController
@RequestMapping("/api/supplier")
public class SupplierController {

    static final long LATENCY_MS = 5;

    @GetMapping("/stock/{sku}")
    public StockLevel stock(@PathVariable long sku) throws InterruptedException {
        Thread.sleep(LATENCY_MS);
        return new StockLevel(sku, (int) (sku * 7 % 50));
    }
}
