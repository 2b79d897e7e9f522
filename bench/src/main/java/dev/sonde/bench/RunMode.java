package dev.sonde.bench;

import java.time.Duration;

/**
 * How long and how often each benchmark runs: {@link #QUICK} fits in about a quarter of an hour on two
 * cores and gives rough error bars; {@link #FULL} repeats more and longer; {@link #TRIAL} only
 * checks that everything runs (its numbers are too rough to publish: it never writes docs/).
 *
 * @param jmhForks              forked JVMs per configuration (and thread count)
 * @param jmhWarmups            warm-up iterations per fork
 * @param jmhIterations         measured iterations per fork
 * @param jmhIterationTime      length of one iteration
 * @param openTelemetryOnEveryJdk whether the OpenTelemetry agent runs on every JDK, or only the newest
 * @param memoryCallsPerOperation calls of each of the 200 operations by each thread
 * @param memoryChurnGenerations  thread pools of 200 threads that replace each other
 * @param appPairs              alternating runs without / with the agent (A/B pairs)
 * @param appWarmup             load before measuring, in each application run
 * @param appMeasure            length of each measured load (fixed-rate, then max-throughput)
 * @param startupRuns           start-ups of the sample shop timed per configuration (the load runs count)
 * @param startupRounds         rounds of the Spring Boot + JPA start-up benchmark, each starting every
 *                              contender once: its ratio is read against a 10 % goal, and single starts
 *                              of one contender spread by 20-30 % on two cores
 */
public record RunMode(String name, int jmhForks, int jmhWarmups, int jmhIterations, Duration jmhIterationTime,
                      boolean openTelemetryOnEveryJdk, int memoryCallsPerOperation, int memoryChurnGenerations,
                      int appPairs, Duration appWarmup, Duration appMeasure, int startupRuns,
                      int startupRounds) {

    public static final RunMode QUICK = new RunMode("quick", 1, 2, 5, Duration.ofSeconds(1), false, 50, 3,
            2, Duration.ofSeconds(6), Duration.ofSeconds(8), 3, 6);

    public static final RunMode FULL = new RunMode("full", 3, 5, 10, Duration.ofSeconds(1), true, 200, 10,
            3, Duration.ofSeconds(20), Duration.ofSeconds(30), 7, 12);

    public static final RunMode TRIAL = new RunMode("trial", 1, 1, 1, Duration.ofMillis(500), false, 5, 1,
            1, Duration.ofSeconds(2), Duration.ofSeconds(3), 1, 1);

    /** Whether its numbers are worth publishing in docs/performance.md. */
    public boolean publishes() {
        return this != TRIAL;
    }

    /** How the mode is asked for on the command line of bench/run. */
    public String flag() {
        return this == QUICK ? "bench/run" : "bench/run --" + name;
    }
}
