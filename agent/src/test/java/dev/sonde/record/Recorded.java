package dev.sonde.record;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** For the export's tests: a histogram made in a test as the recorder's read gives it ({@link RecordedValues}). */
public final class Recorded {

    private Recorded() {
    }

    /** Each value of {@code histogram} recorded as the recorder records it, then read as an export reads it. */
    public static RecordedValues valuesOf(Histogram histogram) {
        ValueTotals totals = new ValueTotals();
        for (HistogramIterationValue step : histogram.recordedValues()) {
            for (long i = 0; i < step.getCountAddedInThisIterationStep(); i++) {
                totals.add(step.getValueIteratedTo());
            }
        }
        ValueBuckets buckets = new ValueBuckets();
        buckets.addAll(totals);
        return buckets.read();
    }
}
