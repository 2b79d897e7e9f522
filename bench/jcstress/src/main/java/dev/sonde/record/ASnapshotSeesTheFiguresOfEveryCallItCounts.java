package dev.sonde.record;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The owner adds a call while a snapshot reads the buffer as {@link OperationTotals} does: the size,
 * then the figures of every call it counts. Result: size, then the last counted call's duration,
 * self time and allocation.
 */
@JCStressTest
@Outcome(id = "0, -1, -1, -1", expect = ACCEPTABLE, desc = "the call is not counted yet")
@Outcome(id = "1, 11, 12, 13", expect = ACCEPTABLE, desc = "the call is counted with its figures")
@Outcome(expect = FORBIDDEN, desc = "the call is counted before its figures are seen")
@State
public class ASnapshotSeesTheFiguresOfEveryCallItCounts {

    private final CallBuffer buffer = new CallBuffer();

    @Actor
    public void owner() {
        buffer.add(11, 12, 13, ThreadRecording.NO_STATUS, false);
    }

    @Actor
    public void snapshot(IIII_Result r) {
        int size = buffer.publishedSize();
        r.r1 = size;
        r.r2 = size == 0 ? -1 : buffer.nanos[size - 1];
        r.r3 = size == 0 ? -1 : buffer.selfNanos[size - 1];
        r.r4 = size == 0 ? -1 : buffer.allocatedBytes[size - 1];
    }
}
