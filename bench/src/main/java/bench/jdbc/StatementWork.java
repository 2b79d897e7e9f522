package bench.jdbc;

import java.util.concurrent.locks.LockSupport;

/**
 * What a {@link FakeStatement} does for a text that starts with {@code /*work NANOS BYTES*\/}: takes
 * that long (parked, or spinning below what a park can time) and allocates that many bytes, so a
 * benchmark can give each statement the durations and allocations of a real one. sonde drops the
 * comment when it names the statement, so the work varies and the operation stays the same.
 */
final class StatementWork {

    private static final String PREFIX = "/*work ";
    private static final long SHORTEST_PARK_NANOS = 100_000;
    private static final StatementWork NONE = new StatementWork(0, 0);
    static volatile byte[] sink;

    private final long nanos;
    private final int bytes;

    private StatementWork(long nanos, int bytes) {
        this.nanos = nanos;
        this.bytes = bytes;
    }

    static StatementWork of(String sql) {
        if (sql == null || !sql.startsWith(PREFIX)) {
            return NONE;
        }
        int end = sql.indexOf("*/");
        String[] figures = sql.substring(PREFIX.length(), end).trim().split(" ");
        return new StatementWork(Long.parseLong(figures[0]), Integer.parseInt(figures[1]));
    }

    void run() {
        if (bytes > 0) {
            sink = new byte[bytes];
        }
        if (nanos >= SHORTEST_PARK_NANOS) {
            LockSupport.parkNanos(nanos);
            return;
        }
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
