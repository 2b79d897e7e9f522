package dev.sonde.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallBufferTest {

    private static final int NO_STATUS = ThreadRecording.NO_STATUS;

    @Test
    void aSnapshotReadsEveryCallAddedWithItsErrorAndStatusClass() {
        CallBuffer buffer = new CallBuffer();
        buffer.add(10, 4, 100, 2, false);
        buffer.add(20, 5, 200, 5, true);

        assertThat(buffer.publishedSize()).isEqualTo(2);
        assertThat(buffer.nanos).startsWith(10, 20);
        assertThat(buffer.selfNanos).startsWith(4, 5);
        assertThat(buffer.allocatedBytes).startsWith(100, 200);
        assertThat(buffer.publishedErrors()).isEqualTo(1);
        assertThat(buffer.publishedStatusClass(2)).isEqualTo(1);
        assertThat(buffer.publishedStatusClass(5)).isEqualTo(1);
    }

    @Test
    void aBufferWithoutSelfTimeOrAllocationStoresOnlyDurationsAndItsOverflowHasTheSameShape() {
        CallBuffer buffer = new CallBuffer(false, false);
        buffer.add(10, CallBuffer.NOT_RECORDED, CallBuffer.NOT_RECORDED, NO_STATUS, true);

        assertThat(buffer.publishedSize()).isEqualTo(1);
        assertThat(buffer.nanos).startsWith(10);
        assertThat(buffer.selfNanos).isNull();
        assertThat(buffer.allocatedBytes).isNull();
        assertThat(buffer.publishedErrors()).isEqualTo(1);
        buffer.switchToOverflow();
        assertThat(buffer.publishedOverflow().selfNanos).isNull();
        assertThat(buffer.publishedOverflow().allocatedBytes).isNull();
    }

    @Test
    void theCallThatFillsTheBufferAsksForTheHandOver() {
        CallBuffer buffer = new CallBuffer();
        for (int i = 1; i < CallBuffer.CAPACITY; i++) {
            assertThat(buffer.add(i, 0, 0, NO_STATUS, false)).isFalse();
        }
        assertThat(buffer.add(1, 0, 0, NO_STATUS, false)).isTrue();
    }

    @Test
    void aCallAddedToABufferStillFullIsLostWithItsErrorAndStatusClass() {
        CallBuffer buffer = full();

        assertThat(buffer.add(7, 0, 0, 5, true)).isTrue();

        assertThat(buffer.publishedSize()).isEqualTo(CallBuffer.CAPACITY);
        assertThat(buffer.publishedErrors()).isZero();
        assertThat(buffer.publishedStatusClass(5)).isZero();
    }

    @Test
    void clearingEmptiesTheBufferAndItsOverflowAndWritesToTheBufferAgain() {
        CallBuffer buffer = full();
        buffer.switchToOverflow();
        buffer.active().add(3, 0, 0, 4, true);
        assertThat(buffer.publishedOverflow().publishedSize()).isEqualTo(1);

        buffer.clear();

        assertThat(buffer.active()).isSameAs(buffer);
        assertThat(buffer.publishedSize()).isZero();
        assertThat(buffer.publishedOverflow().publishedSize()).isZero();
        assertThat(buffer.publishedOverflow().publishedErrors()).isZero();
        assertThat(buffer.publishedOverflow().publishedStatusClass(4)).isZero();
    }

    private static CallBuffer full() {
        CallBuffer buffer = new CallBuffer();
        for (int i = 0; i < CallBuffer.CAPACITY; i++) {
            buffer.add(i, 0, 0, NO_STATUS, false);
        }
        return buffer;
    }
}
