package dev.sonde.report;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds decoded histograms into one, exactly: every recorded value lands where it would have landed
 * had all calls been recorded into a single histogram. The sum keeps the precision of the least
 * precise part (more digits than the data has would only be false precision) and grows its range
 * to the largest value.
 */
final class HistogramSum {

    private final List<Histogram> parts = new ArrayList<>();

    void add(Histogram part) {
        parts.add(part);
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    Histogram total() {
        int digits = parts.stream().mapToInt(Histogram::getNumberOfSignificantValueDigits).min().orElse(2);
        Histogram sum = new Histogram(digits);
        for (Histogram part : parts) {
            sum.add(part);
        }
        return sum;
    }
}
