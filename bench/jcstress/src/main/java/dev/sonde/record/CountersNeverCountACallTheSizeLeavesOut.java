package dev.sonde.record;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The owner adds a failed request (status class 5) while a snapshot reads the buffer as
 * {@link OperationTotals} does: errors, status classes, then the size. Result: errors, 5xx
 * responses, size. Either counter may lag the size (the next snapshot has it), never lead it: an
 * error rate above 100 % is forbidden.
 */
@JCStressTest
@Outcome(id = {"0, 0, 0", "0, 0, 1", "1, 0, 1", "0, 1, 1", "1, 1, 1"}, expect = ACCEPTABLE,
        desc = "each counter has the call only if the size has it")
@Outcome(expect = FORBIDDEN, desc = "a counter has a call that the size leaves out")
@State
public class CountersNeverCountACallTheSizeLeavesOut {

    private final CallBuffer buffer = new CallBuffer();

    @Actor
    public void owner() {
        buffer.add(11, 12, 13, 5, true);
    }

    @Actor
    public void snapshot(III_Result r) {
        r.r1 = (int) buffer.publishedErrors();
        r.r2 = (int) buffer.publishedStatusClass(5);
        r.r3 = buffer.publishedSize();
    }
}
