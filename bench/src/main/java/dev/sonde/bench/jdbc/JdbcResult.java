package dev.sonde.bench.jdbc;

import dev.sonde.bench.jvm.Jdk;

/**
 * What one JDBC execution costs on one JDK, for one kind of statement ({@code prepared},
 * {@code plain text}): nanoseconds per execution without the agent, with {@code jdbc=off} and with
 * {@code jdbc=on} (median over the forks), and the bytes allocated per execution with {@code jdbc=on}
 * (the most any fork saw).
 */
public record JdbcResult(Jdk jdk, String statement, double noAgentNs, double jdbcOffNs, double jdbcOnNs,
                         double jdbcOnBytes, int forks) {

    /** What recording statements adds: jdbc=on minus jdbc=off, the same agent otherwise. */
    public double addedNs() {
        return jdbcOnNs - jdbcOffNs;
    }
}
