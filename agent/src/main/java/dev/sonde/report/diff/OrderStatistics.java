package dev.sonde.report.diff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of n sorted calls bound a quantile with a given confidence, whatever the distribution. The
 * number of calls below the true q-quantile is binomial(n, q), so the l-th and u-th smallest calls
 * enclose it unless that count falls below l or reaches u; l and u are chosen so each of those has
 * probability at most {@link Confidence#tail()}. Exact binomial sums up to {@link #EXACT_UP_TO} calls,
 * the normal approximation beyond (where the two agree to a call or two).
 */
final class OrderStatistics {

    /** Exact sums cost one pass over n: cheap up to here, and the normal approximation is excellent beyond. */
    static final long EXACT_UP_TO = 200_000;

    /** Ranks 1..n; {@code lower} 0 means no lower bound (use 0), {@code upper} n + 1 means no upper bound. */
    static final class Ranks {
        final long lower;
        final long upper;

        Ranks(long lower, long upper) {
            this.lower = lower;
            this.upper = upper;
        }

        /**
         * True when a call below the slowest bounds the quantile from above. The slowest call alone
         * is never taken as a bound, as {@code max} is not: one hiccup of the machine decides it, and
         * a run whose slowest call was lucky would make any tail of the next run look significant.
         */
        boolean hasUpper(long calls) {
            return upper < calls;
        }
    }

    /** The same ranks are asked for again and again (every operation with the same count); they never change. */
    private static final Map<String, Ranks> CACHE = new ConcurrentHashMap<>();

    private OrderStatistics() {
    }

    /** The ranks of the calls that bound the {@code quantile} (0 < q < 1; q = 1 has no upper bound) of {@code calls}. */
    static Ranks ranks(long calls, double quantile, Confidence confidence) {
        if (quantile >= 1) {
            return new Ranks(calls, calls + 1);
        }
        String key = calls + "/" + quantile + "/" + confidence.tail();
        return CACHE.computeIfAbsent(key, k -> calls <= EXACT_UP_TO
                ? exact(calls, quantile, confidence.tail()) : normal(calls, quantile, confidence.z()));
    }

    /**
     * The fewest calls for which the quantile has an upper bound below the slowest call at this
     * confidence: the second slowest lies below the true quantile with probability
     * q^n + n q^(n-1) (1 - q), so n must make that at most the tail.
     */
    static long callsForUpperBound(double quantile, Confidence confidence) {
        if (quantile >= 1) {
            return Long.MAX_VALUE;
        }
        long calls = 2;
        while (secondSlowestBelow(calls, quantile) > confidence.tail()) {
            calls++;
        }
        return calls;
    }

    private static double secondSlowestBelow(long n, double q) {
        return Math.exp(n * Math.log(q)) + n * Math.exp((n - 1) * Math.log(q)) * (1 - q);
    }

    private static Ranks exact(long n, double q, double tail) {
        // log P(B = k), walked up from k = 0 by the ratio of successive binomial terms.
        double logPmf = n * Math.log1p(-q);
        double logOdds = Math.log(q) - Math.log1p(-q);
        double cdf = 0;
        long lower = 0;
        long upper = n + 1;
        for (long k = 0; k <= n; k++) {
            cdf += Math.exp(logPmf);
            if (cdf <= tail) {
                lower = k + 1;              // P(B <= k) <= tail: the (k+1)-th call is a lower bound
            }
            if (1 - cdf <= tail) {          // P(B >= k+1) <= tail: the (k+1)-th call is an upper bound
                upper = k + 1;
                break;
            }
            logPmf += Math.log((double) (n - k) / (k + 1)) + logOdds;
        }
        return new Ranks(lower, upper);
    }

    private static Ranks normal(long n, double q, double z) {
        double mean = n * q;
        double spread = z * Math.sqrt(n * q * (1 - q));
        long lower = Math.max(0, (long) Math.floor(mean - spread));
        long upper = (long) Math.ceil(mean + spread) + 1;
        return new Ranks(lower, Math.min(upper, n + 1));
    }
}
