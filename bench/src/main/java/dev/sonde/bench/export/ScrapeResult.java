package dev.sonde.bench.export;

import dev.sonde.bench.app.AppResult;
import dev.sonde.bench.jvm.Jdk;

import java.util.List;

/**
 * What the Prometheus export cost on one JDK: per exposition format, the CPU time of sonde's scrape
 * thread per scrape of all operations (one median per run, idle and busy), and the time of a timed
 * call with the export off and on (one figure per run, the two kinds of run in turns).
 */
public record ScrapeResult(Jdk jdk, int operations, List<FormatCost> formats, List<Double> timedCallOffNs,
                           List<Double> timedCallOnNs) {

    /** Goal: the CPU time of one scrape of 2000 operations, in every format, idle or busy. */
    public static final double GOAL_MS = 50;

    /**
     * One format's cost.
     *
     * @param idleMs     CPU ms per scrape when nothing was called since the last one, a median per run
     * @param busyMs     the same when every operation was called once more before each scrape
     * @param gzippedMb  the size of the answer, gzipped, in the last run
     */
    public record FormatCost(String format, List<Double> idleMs, List<Double> busyMs, double gzippedMb) {

        public double medianIdleMs() {
            return median(idleMs);
        }

        public double medianBusyMs() {
            return median(busyMs);
        }

        /** Within the goal both idle and busy. */
        public boolean meetsGoal() {
            return medianIdleMs() <= GOAL_MS && medianBusyMs() <= GOAL_MS;
        }
    }

    public double medianTimedCallOffNs() {
        return median(timedCallOffNs);
    }

    public double medianTimedCallOnNs() {
        return median(timedCallOnNs);
    }

    static double median(List<Double> values) {
        return AppResult.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
