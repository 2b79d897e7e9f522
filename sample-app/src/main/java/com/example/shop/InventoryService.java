package com.example.shop;

import org.springframework.stereotype.Service;

/** Stock look-ups that block on a (simulated) remote supplier. */
@Service
public class InventoryService {

    static final long SUPPLIER_LATENCY_MS = 50;

    /**
     * {@code -Dshop.supplier-latency-ms=65}: a slower (or faster) supplier without a rebuild, so a run
     * can be made slower on purpose, as sonde's regression-gate test does.
     */
    static final String SUPPLIER_LATENCY_PROPERTY = "shop.supplier-latency-ms";

    private final long supplierLatencyMs = Long.getLong(SUPPLIER_LATENCY_PROPERTY, SUPPLIER_LATENCY_MS);

    /**
     * Waits ~50 ms (or {@value #SUPPLIER_LATENCY_PROPERTY}) as if on network I/O and returns a stock
     * level. Sleeping keeps the thread off-CPU, so this method is slow in wall time but cheap in CPU
     * and allocation.
     */
    public int awaitSupplier() {
        try {
            Thread.sleep(supplierLatencyMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for supplier", e);
        }
        return 42;
    }
}
