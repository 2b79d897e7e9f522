package com.example.shop;

import org.springframework.stereotype.Service;

/**
 * Quotes: every call reads a cached tariff (~2 ms of CPU work); ids 30 to 39 (130 to 139, ...)
 * are not cached and are also recomputed (~40 ms): two of the load driver's ten quote ids. The
 * slow calls of {@code GET /api/quote/{id}} do something the others do not: what sonde's
 * {@code profile.slow} graphs show.
 */
@Service
public class QuoteService {

    public long quote(long id) {
        long cents = cachedTariff(id);
        if (id / 10 % 10 == 3) {
            cents += recomputeTariff(id);
        }
        return cents;
    }

    long cachedTariff(long id) {
        return spin(id, 1_000_000);
    }

    long recomputeTariff(long id) {
        return spin(id + 1, 20_000_000);
    }

    /** xorshift64 rounds: deterministic CPU work, nothing allocated. */
    private static long spin(long seed, int rounds) {
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return Math.floorMod(x, 100L);
    }
}
