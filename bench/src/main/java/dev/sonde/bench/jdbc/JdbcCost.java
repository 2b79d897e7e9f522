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
 * <pre>java -javaagent:agent/target/sonde-agent.jar=jdbc=on -cp bench/target/classes dev.sonde.bench.jdbc.JdbcCost</pre>
 */
public final class JdbcCost {

    private static final int WARM_UP = 3_000_000;
    private static final int MEASURED = 10_000_000;
    private static final int ROUNDS = 5;
    private static final String TEXT = "SELECT id, name FROM owners WHERE city = 'Oslo' AND id IN (1, 2, 3)";

    private JdbcCost() {
    }

    public static void main(String[] args) throws SQLException {
        Connection connection = new FakeConnection();
        PreparedStatement prepared = connection.prepareStatement("SELECT id, name FROM owners WHERE id = ?");
        Statement plain = connection.createStatement();
        measure("prepared", () -> prepared.executeQuery());
        measure("plain text", () -> plain.executeQuery(TEXT));
    }

    private interface Execution {
        Object run() throws SQLException;
    }

    private static void measure(String what, Execution execution) throws SQLException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        loop(execution, WARM_UP);
        double best = Double.MAX_VALUE;
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            loop(execution, MEASURED);
            best = Math.min(best, (System.nanoTime() - start) / (double) MEASURED);
            bytes = Math.min(bytes, threads.getCurrentThreadAllocatedBytes() - allocated);
        }
        System.out.printf("%-10s %6.1f ns/execution  %5.2f B/execution%n", what, best, bytes / (double) MEASURED);
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
