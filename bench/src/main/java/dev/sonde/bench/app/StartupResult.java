package dev.sonde.bench.app;

import java.util.List;
import java.util.Map;

/** Every start-up time (ms, to the first 200) of each contender of {@link StartupBenchmark}. */
public record StartupResult(String application, Map<StartupBenchmark.Contender, List<Double>> millis) {

    public double median(StartupBenchmark.Contender contender) {
        return AppResult.median(values(contender));
    }

    public double min(StartupBenchmark.Contender contender) {
        return java.util.Arrays.stream(values(contender)).min().orElse(Double.NaN);
    }

    public double max(StartupBenchmark.Contender contender) {
        return java.util.Arrays.stream(values(contender)).max().orElse(Double.NaN);
    }

    /** median(contender) / median(no agent). */
    public double ratio(StartupBenchmark.Contender contender) {
        return median(contender) / median(StartupBenchmark.Contender.NO_AGENT);
    }

    private double[] values(StartupBenchmark.Contender contender) {
        return millis.getOrDefault(contender, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
