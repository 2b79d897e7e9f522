package com.example.shop;

import org.springframework.stereotype.Service;

/** Stock look-ups that block on a (simulated) remote supplier. */
@Service
public class InventoryService {

    static final long SUPPLIER_LATENCY_MS = 50;

    /**
     * Waits ~50 ms as if on network I/O and returns a stock level. Sleeping keeps the thread
     * off-CPU, so this method is slow in wall time but cheap in CPU and allocation.
     */
    public int awaitSupplier() {
        try {
            Thread.sleep(SUPPLIER_LATENCY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for supplier", e);
        }
        return 42;
    }
}
