package org.HdrHistogram;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch recorded in bulk leaves a histogram exactly as recording its values one by one does. */
class BulkRecordingTest {

    private static final int DIGITS = 2;

    private final BulkRecording.Figures figures = new BulkRecording.Figures();

    @Test
    void aBatchGivesTheSameHistogramAsOneValueAtATime() {
        Random random = new Random(7);
        Histogram bulk = new Histogram(DIGITS);
        Histogram single = new Histogram(DIGITS);
        int[] batch = new int[64];
        for (int round = 0; round < 2_000; round++) {
            for (int i = 0; i < batch.length; i++) {
                // Mostly short calls, some zeros, now and then one a thousand or a million times longer.
                int value = random.nextInt(10) == 0 ? 0 : 50 + random.nextInt(5_000);
                batch[i] = random.nextInt(500) == 0 ? value * 1_000 : random.nextInt(5_000) == 0 ? Integer.MAX_VALUE : value;
            }
            BulkRecording.recordEach(bulk, batch, batch.length, false, figures);
            for (int value : batch) {
                single.recordValue(value);
            }
            assertThat(bulk).as("round %d", round).isEqualTo(single);
            assertThat(figures.sum).isEqualTo(Arrays.stream(batch).asLongStream().sum());
            assertThat(figures.lowest).isEqualTo(Arrays.stream(batch).min().getAsInt());
            assertThat(figures.highest).isEqualTo(Arrays.stream(batch).max().getAsInt());
        }
        assertThat(bulk.getTotalCount()).isEqualTo(2_000 * 64);
        assertThat(bulk.getMaxValue()).isEqualTo(single.getMaxValue());
        assertThat(bulk.getMinNonZeroValue()).isEqualTo(single.getMinNonZeroValue());
    }

    @Test
    void aValuePastTheRangeResizesTheHistogramAndTheRestOfTheBatchIsStillRecorded() {
        Histogram bulk = new Histogram(DIGITS);
        Histogram single = new Histogram(DIGITS);
        int[] batch = {120, 7, 2_000_000_000, 300, 0, 45};
        long[] countsBefore = bulk.counts;

        BulkRecording.recordEach(bulk, batch, batch.length, false, figures);
        for (int value : batch) {
            single.recordValue(value);
        }

        assertThat(bulk.counts.length).as("resized").isGreaterThan(countsBefore.length);
        assertThat(bulk).isEqualTo(single);
        assertThat(bulk.getTotalCount()).isEqualTo(6);
        assertThat(figures.sum).isEqualTo(2_000_000_472L);
        assertThat(figures.lowest).isZero();
        assertThat(figures.highest).isEqualTo(2_000_000_000L);
    }

    @Test
    void negativeValuesAreSkippedOrCountedAsZero() {
        int[] batch = {-2, 100, -1, 250};

        Histogram skipping = new Histogram(DIGITS);
        BulkRecording.recordEach(skipping, batch, batch.length, true, figures);
        assertThat(skipping.getTotalCount()).isEqualTo(2);
        assertThat(skipping.getCountAtValue(0)).isZero();
        assertThat(skipping.getMinNonZeroValue()).isEqualTo(100);
        assertThat(figures.sum).isEqualTo(350);
        assertThat(figures.lowest).isEqualTo(100);

        Histogram asZero = new Histogram(DIGITS);
        BulkRecording.recordEach(asZero, batch, batch.length, false, figures);
        assertThat(asZero.getTotalCount()).isEqualTo(4);
        assertThat(asZero.getCountAtValue(0)).isEqualTo(2);
        assertThat(asZero.getMinNonZeroValue()).isEqualTo(100);
        assertThat(asZero.getMaxValue()).isEqualTo(asZero.highestEquivalentValue(250));
        assertThat(figures.sum).isEqualTo(350);
        assertThat(figures.lowest).isZero();
        assertThat(figures.highest).isEqualTo(250);
    }

    @Test
    void onlyTheFirstSizeValuesCountAndAnEmptyBatchChangesNothing() {
        Histogram histogram = new Histogram(DIGITS);
        BulkRecording.recordEach(histogram, new int[] {5, 6, 7}, 0, false, figures);
        assertThat(histogram.getTotalCount()).isZero();
        assertThat(histogram.getMaxValue()).isZero();
        assertThat(figures.sum).isZero();
        assertThat(figures.lowest).isEqualTo(Long.MAX_VALUE);

        BulkRecording.recordEach(histogram, new int[] {5, 6, 700}, 2, false, figures);
        assertThat(histogram.getTotalCount()).isEqualTo(2);
        assertThat(histogram.getMaxValue()).isEqualTo(6);
        assertThat(figures.sum).isEqualTo(11);
    }

    @Test
    void aShiftedHistogramIsRecordedOneByOne() {
        Histogram bulk = new Histogram(1, 1L << 40, DIGITS);
        Histogram single = new Histogram(1, 1L << 40, DIGITS);
        bulk.recordValue(1_000);
        single.recordValue(1_000);
        bulk.shiftValuesLeft(3);
        single.shiftValuesLeft(3);
        int[] batch = {16, 9_000, 30};

        BulkRecording.recordEach(bulk, batch, batch.length, false, figures);
        for (int value : batch) {
            single.recordValue(value);
        }

        assertThat(bulk.normalizingIndexOffset).isNotZero();
        assertThat(bulk).isEqualTo(single);
        assertThat(figures.sum).isEqualTo(9_046);
    }
}
