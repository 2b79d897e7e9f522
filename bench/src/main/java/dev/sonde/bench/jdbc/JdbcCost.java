package dev.sonde.bench.jdbc;

import bench.jdbc.FakeConnection;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What sonde adds to one JDBC execution of a statement it has seen before: a driver that does
 * nothing ({@link FakeConnection}), executed in a loop, run once without the agent, once with
 * {@code jdbc=off} and once with {@code jdbc=on}; the difference is sonde's. Prints nanoseconds and
 * bytes allocated per execution, for a prepared statement and for a plain one given its text:
 *
 * <pre>java -javaagent:agent/target/sonde-agent.jar=jdbc=on -cp bench/target/benchmarks.jar dev.sonde.bench.jdbc.JdbcCost [executions]</pre>
 *
 * {@code executions}: how many are timed per round (default 10 million; bench/run's trial mode asks
 * for fewer). Output lines: {@code prepared  123.4 ns/execution  0.00 B/execution}.
 */
public final class JdbcCost {

    private static final int WARM_UP = 3_000_000;
    private static final int DEFAULT_MEASURED = 10_000_000;
    private static final int ROUNDS = 5;
    private static final String TEXT = "SELECT id, name FROM owners WHERE city = 'Oslo' AND id IN (1, 2, 3)";

    private JdbcCost() {
    }

    public static void main(String[] args) throws SQLException {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_MEASURED;
        Connection connection = new FakeConnection();
        PreparedStatement prepared = connection.prepareStatement("SELECT id, name FROM owners WHERE id = ?");
        Statement plain = connection.createStatement();
        measure("prepared", () -> prepared.executeQuery(), measured);
        measure("plain text", () -> plain.executeQuery(TEXT), measured);
    }

    private interface Execution {
        Object run() throws SQLException;
    }

    private static void measure(String what, Execution execution, int measured) throws SQLException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        loop(execution, WARM_UP);
        double best = Double.MAX_VALUE;
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            loop(execution, measured);
            best = Math.min(best, (System.nanoTime() - start) / (double) measured);
            bytes = Math.min(bytes, threads.getCurrentThreadAllocatedBytes() - allocated);
        }
        System.out.printf(java.util.Locale.ROOT, "%-10s %6.1f ns/execution  %5.2f B/execution%n", what, best,
                bytes / (double) measured);
    }

    private static int loop(Execution execution, int times) throws SQLException {
        int nulls = 0;
        for (int i = 0; i < times; i++) {
            if (execution.run() == null) {
                nulls++;
            }
        }
        return nulls;
    }
}
