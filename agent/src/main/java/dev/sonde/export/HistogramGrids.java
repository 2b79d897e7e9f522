package dev.sonde.export;

/**
 * The grids of one histogram metric: its classic buckets' ({@code le} series), and its native
 * histogram's, which OTLP's exponential histogram shares. Each classic bucket is a union of native
 * ones (the classic schema is at most the native one), so both come from one regrouping of the
 * HdrHistogram. Immutable.
 */
final class HistogramGrids {

    /**
     * Durations: classic buckets 2^(1/8) apart (9.05 %), native ones 2^(1/32) (2.2 %): percentiles
     * within a few percent, as the export promises.
     */
    static final HistogramGrids DURATIONS = new HistogramGrids(ClassicBuckets.GRID, NativeBuckets.GRID);

    /**
     * Allocated bytes: classic and native buckets alike 2^(1/2) apart (each 41 % above the one
     * below). No precision is promised for them, a call's allocation is a sum of object sizes that
     * moves in steps anyway, and a coarse grid keeps a text scrape's lines and the native buckets few.
     */
    static final HistogramGrids ALLOCATED_BYTES = new HistogramGrids(new ExponentialGrid(1), new ExponentialGrid(1));

    private final ExponentialGrid classic;
    private final ExponentialGrid fine;

    private HistogramGrids(ExponentialGrid classic, ExponentialGrid fine) {
        this.classic = classic;
        this.fine = fine;
    }

    /** The classic buckets' grid. */
    ExponentialGrid classic() {
        return classic;
    }

    /** The native (and OTLP exponential) histogram's grid: what the HdrHistogram is regrouped on first. */
    ExponentialGrid fine() {
        return fine;
    }
}
