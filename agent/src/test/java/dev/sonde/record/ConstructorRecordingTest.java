package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constructors run in their caller's frame, through the calls the inlined advice makes: a
 * constructor that throws never reaches its exit advice, and must leave nothing open behind it.
 */
class ConstructorRecordingTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
    private final int parent = registry.register("a#parent", OperationKind.METHOD);
    private final int child = registry.register("a#child", OperationKind.METHOD);
    private final int constructor = registry.register("a.Value#<init>", OperationKind.METHOD);

    @Test
    void constructorThatReturnsHasItsTimedCalleesOutOfItsSelfTimeAndCountsWhollyAsItsCallersCallee() {
        Object parentFrame = recorder.enter();
        Constructor value = new Constructor();
        call(child, 30);
        value.returns(50);
        recorder.exit(parentFrame, parent, 100, false);

        Map<String, OperationSnapshot> byName = byName();
        assertThat(byName.get("a.Value#<init>").selfTotalNanos()).isEqualTo(20);
        assertThat(byName.get("a#parent").selfTotalNanos()).isEqualTo(50);
        assertThat(byName.get("a#child").selfTotalNanos()).isEqualTo(30);
    }

    @Test
    void nestedConstructorsThatReturnEachSubtractOnlyTheirOwnCallees() {
        Object parentFrame = recorder.enter();
        Constructor outer = new Constructor();
        call(child, 5);
        Constructor inner = new Constructor();
        call(child, 10);
        inner.returns(25);
        outer.returns(40);
        recorder.exit(parentFrame, parent, 100, false);

        Map<String, OperationSnapshot> byName = byName();
        assertThat(byName.get("a.Value#<init>").selfTotalNanos()).as("inner 25 - 10, outer 40 - 5 - 25").isEqualTo(15 + 10);
        assertThat(byName.get("a#parent").selfTotalNanos()).isEqualTo(60);
    }

    @Test
    void constructorThatThrowsLeavesItsCallerWithTheRightSelfTimeAndIsNotRecorded() {
        Object parentFrame = recorder.enter();
        new Constructor();
        call(child, 10); // called by the constructor before it threw
        // The constructor threw: its exit advice never runs. The parent goes on.
        call(child, 30);
        recorder.exit(parentFrame, parent, 100, false);

        Map<String, OperationSnapshot> byName = byName();
        assertThat(byName.get("a#parent").selfTotalNanos()).isEqualTo(100 - 10 - 30);
        assertThat(byName.get("a#child").selfTotalNanos()).isEqualTo(40);
        assertThat(byName).doesNotContainKey("a.Value#<init>");
    }

    @Test
    void moreThrowingOutermostConstructorsThanFramesLeaveLaterCallsWithSelfTimeAndAllocation() {
        for (int i = 0; i < 2 * ThreadRecording.MAX_DEPTH; i++) {
            new Constructor();
        }
        Object parentFrame = recorder.enter();
        call(child, 30);
        recorder.exit(parentFrame, parent, 100, false);
        new Constructor().returns(7);

        Map<String, OperationSnapshot> byName = byName();
        for (String name : new String[] {"a#parent", "a#child", "a.Value#<init>"}) {
            assertThat(byName.get(name).selfCount()).as(name + " has self time").isEqualTo(1);
            assertThat(byName.get(name).allocationCount()).as(name + " has allocation").isEqualTo(1);
        }
        assertThat(byName.get("a#parent").selfTotalNanos()).isEqualTo(70);
    }

    @Test
    void deepCallsAfterThrowingConstructorsStillReachTheDepthLimitOnlyAtItsDepth() {
        for (int i = 0; i < ThreadRecording.MAX_DEPTH; i++) {
            new Constructor();
        }
        Object[] frames = new Object[ThreadRecording.MAX_DEPTH];
        for (int depth = 0; depth < frames.length; depth++) {
            frames[depth] = recorder.enter();
        }
        assertThat(frames).hasOnlyElementsOfType(Frame.class);
        assertThat(recorder.enter()).as("one past the limit: no frame, but not null (null is a failed entry)")
                .isNotNull().isNotInstanceOf(Frame.class);
    }

    /** A call of a timed method, entered and exited. */
    private void call(int operation, long nanos) {
        recorder.exit(recorder.enter(), operation, nanos, false);
    }

    /** What {@code ConstructorProfilingAdvice} does: begins at construction, ends only if it returns. */
    private final class Constructor {
        private final Object frame = recorder.enterConstructor();
        private final long callees = recorder.calleeNanos(frame);
        private final long allocation = recorder.allocationCounter();

        void returns(long nanos) {
            recorder.exitConstructor(frame, constructor, nanos, callees, allocation);
        }
    }

    private Map<String, OperationSnapshot> byName() {
        return recorder.snapshot().stream().collect(Collectors.toMap(OperationSnapshot::name, s -> s));
    }
}
