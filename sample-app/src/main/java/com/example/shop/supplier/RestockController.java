package com.example.shop.supplier;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Asks the supplier for an article's stock: most of this route's time is the outbound call. */
@RestController
@RequestMapping("/api")
public class RestockController {

    private final SupplierClient supplier;

    public RestockController(SupplierClient supplier) {
        this.supplier = supplier;
    }

    @GetMapping("/restock/{sku}")
    public Map<String, Object> restock(@PathVariable long sku) {
        StockLevel level = supplier.stock(sku);
        return Map.of("sku", level.sku(), "units", level.units(), "reorder", level.units() < 10);
    }
}
