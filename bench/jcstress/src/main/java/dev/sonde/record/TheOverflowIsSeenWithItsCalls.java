package dev.sonde.record;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The buffer is full and its hand-over found the lock taken: the owner goes on in a new overflow
 * buffer while a snapshot reads it as {@link OperationTotals} does. Result: the overflow's size (-1
 * when not seen), then its first call's duration.
 */
@JCStressTest
@Outcome(id = {"-1, -1", "0, -1"}, expect = ACCEPTABLE, desc = "the call is not counted yet")
@Outcome(id = "1, 21", expect = ACCEPTABLE, desc = "the call is counted with its figures")
@Outcome(expect = FORBIDDEN, desc = "the call is counted before its figures are seen")
@State
public class TheOverflowIsSeenWithItsCalls {

    private final CallBuffer buffer = new CallBuffer();

    public TheOverflowIsSeenWithItsCalls() {
        while (!buffer.add(1, 1, 1, ThreadRecording.NO_STATUS, false)) {
            // filling it to the hand-over
        }
    }

    @Actor
    public void owner() {
        buffer.switchToOverflow();
        buffer.active().add(21, 22, 23, ThreadRecording.NO_STATUS, false);
    }

    @Actor
    public void snapshot(II_Result r) {
        CallBuffer overflow = buffer.publishedOverflow();
        int size = overflow == null ? -1 : overflow.publishedSize();
        r.r1 = size;
        r.r2 = size <= 0 ? -1 : overflow.nanos[0];
    }
}
