package com.example.shop;

import org.springframework.stereotype.Service;

/** Price computation that is pure CPU work. */
@Service
public class PricingService {

    /** Loop iterations tuned for roughly 15 ms on a typical modern core (JIT-compiled). */
    static final int ROUNDS = 8_000_000;

    /**
     * Deterministic CPU loop (~15 ms): the result depends on every iteration, so the JIT cannot
     * drop the work, and the same id always yields the same price. Allocates nothing.
     */
    public long computePrice(long id) {
        long x = id * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < ROUNDS; i++) {
            // xorshift64: cheap, data-dependent, not vectorisable.
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return 100 + Math.floorMod(x, 10_000L);
    }
}
