package dev.sonde.profile;

import one.convert.Arguments;
import one.convert.Filter;
import one.convert.JfrConverter;
import one.jfr.JfrReader;
import one.jfr.StackTrace;
import one.jfr.event.ExecutionSample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The wall-clock samples of a JFR recording that async-profiler wrote with {@code clock=monotonic}:
 * each with its thread (the OS id, or the Java id as async-profiler last knew it), its time on
 * {@link System#nanoTime()}'s clock and its stack in collapsed form (outermost frame first, frame
 * types as async-profiler's collapsed output marks them).
 */
final class RecordedSamples extends JfrConverter {

    /** async-profiler's suffix for each frame type (its {@code FlameGraph} reads them back). */
    private static final String[] TYPE_SUFFIX = {"_[0]", "_[j]", "_[i]", "", "", "_[k]", "_[1]"};
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Receives each sample. */
    interface Visitor {
        /** @param javaThread the Java id async-profiler wrote for the thread, 0 if none */
        void sample(long osThread, long javaThread, long nanos, String stack);
    }

    private final Visitor visitor;

    private RecordedSamples(JfrReader jfr, Visitor visitor) {
        super(jfr, new Arguments());
        this.visitor = visitor;
    }

    /** Reads every wall-clock sample of {@code recording} into {@code visitor}. */
    static void read(Path recording, Visitor visitor) throws IOException {
        try (JfrReader jfr = new JfrReader(recording.toString())) {
            if (jfr.ticksPerSec != NANOS_PER_SECOND) {
                throw new IOException("the recording's clock is not the monotonic one (" + jfr.ticksPerSec
                        + " ticks per second): its samples cannot be matched to calls");
            }
            new RecordedSamples(jfr, visitor).convert();
        }
    }

    @Override
    protected void collectEvents(Filter filter) throws IOException {
        BitSet wallStates = getThreadStates(false);
        boolean statesKnown = !wallStates.isEmpty();
        ExecutionSample sample;
        while ((sample = jfr.readEvent(ExecutionSample.class)) != null) {
            // CPU samples carry the default state; wall-clock ones say running or sleeping.
            if (statesKnown && !wallStates.get(sample.threadState)) {
                continue;
            }
            Long javaThread = jfr.javaThreads.get(sample.tid);
            StackTrace stack = jfr.stackTraces.get(sample.stackTraceId);
            if (stack != null) {
                visitor.sample(sample.tid, javaThread == null ? 0 : javaThread, sample.time, collapsed(stack));
            }
        }
    }

    private String collapsed(StackTrace stack) {
        StringBuilder text = new StringBuilder();
        for (int i = stack.methods.length - 1; i >= 0; i--) {
            byte type = stack.types[i];
            text.append(getMethodName(stack.methods[i], type))
                    .append(type >= 0 && type < TYPE_SUFFIX.length ? TYPE_SUFFIX[type] : "");
            if (i > 0) {
                text.append(';');
            }
        }
        return text.toString();
    }
}
