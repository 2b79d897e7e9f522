package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A buffer's values added at once give the totals that adding them one by one gives. */
class ValueTotalsTest {

    @Test
    void buffersAddedAtOnceMatchTheValuesAddedOneByOne() {
        Random random = new Random(11);
        ValueTotals inBulk = new ValueTotals();
        ValueTotals oneByOne = new ValueTotals();
        int[] buffer = new int[CallBuffer.CAPACITY];
        for (int round = 0; round < 500; round++) {
            int size = 1 + random.nextInt(buffer.length);
            for (int i = 0; i < size; i++) {
                buffer[i] = random.nextInt(20) == 0 ? -1 : random.nextInt(1_000) * (random.nextInt(300) == 0 ? 10_000 : 1);
            }
            inBulk.addEach(buffer, size);
            for (int i = 0; i < size; i++) {
                oneByOne.add(buffer[i]);
            }
        }
        assertThat(inBulk.count()).isEqualTo(oneByOne.count());
        assertThat(inBulk.total()).isEqualTo(oneByOne.total());
        assertThat(inBulk.min()).isEqualTo(oneByOne.min());
        assertThat(inBulk.max()).isEqualTo(oneByOne.max());
        assertThat(inBulk.histogram()).isEqualTo(oneByOne.histogram());
    }

    @Test
    void measuredFiguresSkipTheCallsThatWereNotMeasured() {
        ValueTotals totals = new ValueTotals();
        totals.addMeasured(new int[] {CallBuffer.NOT_RECORDED, 40, (int) AllocationCounter.UNAVAILABLE, 10, 0}, 5);
        totals.addMeasured(new int[] {700, CallBuffer.NOT_RECORDED}, 2);

        assertThat(totals.count()).isEqualTo(4);
        assertThat(totals.total()).isEqualTo(750);
        assertThat(totals.min()).isZero();
        assertThat(totals.max()).isEqualTo(700);
    }

    @Test
    void aBufferOfUnmeasuredCallsChangesNothing() {
        ValueTotals totals = new ValueTotals();
        totals.addMeasured(new int[] {CallBuffer.NOT_RECORDED, CallBuffer.NOT_RECORDED}, 2);

        assertThat(totals.count()).isZero();
        assertThat(totals.total()).isZero();
        assertThat(totals.min()).isZero();
        assertThat(totals.max()).isZero();
    }
}
