package dev.sonde.bench.app;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The application benchmark's runs, without (A) and with (B) sonde, alternating; the start-up
 * times of every start; and the attach measurement.
 */
public record AppResult(int fixedRate, int fixedRateThreads, int maxThreads, String agentOptions, List<Run> runs,
                        List<Double> startupMillisWithout, List<Double> startupMillisWith, Attach attach,
                        String evidence) {

    /** One start of the shop and its two measured loads. */
    public record Run(boolean withAgent, double startupMillis, LoadResult fixedRate, LoadResult maxThroughput) {
    }

    /**
     * The attach command against a running shop: its wall time (a JVM start for the command, the
     * attach, and sonde instrumenting the loaded classes before it replies), its reply, or why it failed.
     */
    public record Attach(double wallMillis, String reply, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    public double medianOf(boolean withAgent, ToDoubleFunction<Run> value) {
        return median(runs.stream().filter(run -> run.withAgent() == withAgent).mapToDouble(value).toArray());
    }

    /** Half the range (max − min) of {@code value} over the runs of one side: a rough error bar for few runs. */
    public double halfRange(boolean withAgent, ToDoubleFunction<Run> value) {
        double[] values = runs.stream().filter(run -> run.withAgent() == withAgent).mapToDouble(value).toArray();
        return values.length < 2 ? Double.NaN
                : (Arrays.stream(values).max().getAsDouble() - Arrays.stream(values).min().getAsDouble()) / 2;
    }

    /** The error of {@link #ratio}, from the half ranges of both sides (relative errors in quadrature). */
    public double ratioError(ToDoubleFunction<Run> value) {
        return ratio(value) * Math.hypot(halfRange(true, value) / medianOf(true, value),
                halfRange(false, value) / medianOf(false, value));
    }

    /** median(with agent) / median(without) of {@code value}. */
    public double ratio(ToDoubleFunction<Run> value) {
        return medianOf(true, value) / medianOf(false, value);
    }

    public double medianStartupWithout() {
        return median(startupMillisWithout.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public double medianStartupWith() {
        return median(startupMillisWith.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The middle value (the mean of the two middle ones for an even count); NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
