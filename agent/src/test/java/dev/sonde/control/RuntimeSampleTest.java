package dev.sonde.control;

import dev.sonde.report.Report;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeSampleTest {

    @Test
    void aWindowHasCpuWithinZeroToOneHundredAndTheJvmsCurrentFigures() throws InterruptedException {
        RuntimeSample start = RuntimeSample.take();
        long spin = System.nanoTime() + 50_000_000;
        long sum = 0;
        while (System.nanoTime() < spin) {
            sum += System.identityHashCode(new Object());
        }
        Report.Runtime runtime = RuntimeSample.take().since(start);
        assertThat(sum).isNotZero();
        assertThat(runtime.cpuPercent).isBetween(0.0, 100.0);
        assertThat(runtime.heapCommittedBytes).isPositive();
        assertThat(runtime.threads).isPositive();
        assertThat(runtime.classesLoaded).isGreaterThan(100);
        assertThat(runtime.gcCount).isNotNegative();
    }

    @Test
    void collectionsInTheWindowAreCountedAndLeaveAHeapUsedAfterGc() {
        RuntimeSample start = RuntimeSample.take();
        System.gc();
        Report.Runtime runtime = RuntimeSample.take().since(start);
        assertThat(runtime.gcCount).isPositive();
        assertThat(runtime.heapUsedAfterGcBytes).isPositive();
    }

    @Test
    void concurrentCycleCountersAreNotPauses() {
        assertThat(RuntimeSample.isPauses("G1 Young Generation")).isTrue();
        assertThat(RuntimeSample.isPauses("G1 Old Generation")).isTrue();
        assertThat(RuntimeSample.isPauses("ZGC Pauses")).isTrue();
        assertThat(RuntimeSample.isPauses("PS MarkSweep")).isTrue();
        assertThat(RuntimeSample.isPauses("G1 Concurrent GC")).isFalse();
        assertThat(RuntimeSample.isPauses("ZGC Cycles")).isFalse();
        assertThat(RuntimeSample.isPauses("Shenandoah Cycles")).isFalse();
    }
}
