package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import dev.sonde.bootstrap.Sink;
import dev.sonde.record.OperationRegistry;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timing advice as the agent builds it, inlined into a class here, with a sink whose recording
 * throws: the method's result is untouched and each failure reaches {@link Recorder#adviceFailed}
 * with the operation's name.
 */
class AdviceFailureHandlerTest {

    private static final String TARGET = Target.class.getName();

    private final FailingSink sink = new FailingSink();
    private final OperationIdBinding binding = new OperationIdBinding(new OperationRegistry(100));

    @AfterEach
    void uninstall() {
        Recorder.uninstall();
    }

    @Test
    void aFailingRecordingIsHandedOnWithTheOperationAndTheMethodReturnsItsOwnResult() throws Exception {
        Object target = instrumented(MethodTimingAdvice.class, "compute");

        for (int i = 0; i < 3; i++) {
            assertThat(target.getClass().getMethod("compute", int.class).invoke(target, 4)).isEqualTo(13);
        }

        assertThat(sink.failures).containsExactly(
                TARGET + "#compute: recording failed", TARGET + "#compute: recording failed",
                TARGET + "#compute: recording failed");
    }

    @Test
    void profilingAdviceFailingOnEntryIsHandedOnAndTheCallIsNotRecordedWithoutItsStartTime() throws Exception {
        Object target = instrumented(ProfilingAdvice.class, "compute");

        assertThat(target.getClass().getMethod("compute", int.class).invoke(target, 2)).isEqualTo(7);

        // Exit is not reached: with no start time it would record the clock's whole value as a duration.
        assertThat(sink.failures).containsExactly(TARGET + "#compute: entering failed");
    }

    @Test
    void profilingAdviceFailingOnExitIsHandedOn() throws Exception {
        sink.frame = "a frame";
        Object target = instrumented(ProfilingAdvice.class, "compute");

        assertThat(target.getClass().getMethod("compute", int.class).invoke(target, 2)).isEqualTo(7);

        assertThat(sink.failures).containsExactly(TARGET + "#compute: exiting failed");
    }

    @Test
    void asyncProfilingAdviceFailingOnEntryRecordsNothingAndTheMethodReturnsItsOwnFuture() throws Exception {
        Object target = instrumented(AsyncProfilingAdvice.class, "later");

        Object result = target.getClass().getMethod("later").invoke(target);

        assertThat(((java.util.concurrent.CompletableFuture<?>) result).join()).isEqualTo("done");
        assertThat(sink.failures).containsExactly(TARGET + "#later: entering failed");
    }

    @Test
    void constructorProfilingAdviceFailingOnEntryRecordsNothing() throws Exception {
        assertThat(instrumented(ConstructorProfilingAdvice.class, isConstructor())).isNotNull();

        assertThat(sink.failures).containsExactly(TARGET + "#<init>: entering a constructor failed");
    }

    @Test
    void aMethodThatThrowsStillThrowsItsOwnExceptionWhenTheAdviceFailsToo() throws Exception {
        Object target = instrumented(MethodTimingAdvice.class, "refuse");

        Throwable thrown = null;
        try {
            target.getClass().getMethod("refuse").invoke(target);
        } catch (java.lang.reflect.InvocationTargetException e) {
            thrown = e.getCause();
        }

        assertThat(thrown).isInstanceOf(UnsupportedOperationException.class).hasMessage("refused");
        assertThat(sink.failures).containsExactly(TARGET + "#refuse: recording failed");
    }

    @Test
    void asyncAdviceFailingToHookTheResultIsHandedOnAndTheMethodReturnsItsOwnFuture() throws Exception {
        Object target = instrumented(AsyncMethodTimingAdvice.class, "later");

        Object result = target.getClass().getMethod("later").invoke(target);

        assertThat(result).isInstanceOf(java.util.concurrent.CompletableFuture.class);
        assertThat(((java.util.concurrent.CompletableFuture<?>) result).join()).isEqualTo("done");
        assertThat(sink.failures).containsExactly(TARGET + "#later: hooking the result failed");
    }

    @Test
    void constructorAdviceFailingIsHandedOnUnderTheConstructorsName() throws Exception {
        assertThat(instrumented(ConstructorTimingAdvice.class, isConstructor())).isNotNull();

        assertThat(sink.failures).containsExactly(TARGET + "#<init>: recording failed");
    }

    private Object instrumented(Class<?> advice, String method) throws Exception {
        return instrumented(advice, named(method));
    }

    /** A fresh {@link Target} whose {@code methods} carry {@code advice}; the failing sink installed. */
    private Object instrumented(Class<?> advice, ElementMatcher<? super MethodDescription> methods) throws Exception {
        assertThat(Recorder.installIfAbsent(sink)).as("no other sink installed in this JVM").isTrue();
        return new ByteBuddy().redefine(Target.class)
                .visit(Instrumenter.timingAdvice(advice, binding).on(methods))
                .make().load(getClass().getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST).getLoaded()
                .getConstructor().newInstance();
    }

    /** The class the advice is inlined into; redefined in a class loader of its own each time. */
    public static class Target {
        public int compute(int value) {
            return value * 3 + 1;
        }

        public java.util.concurrent.CompletableFuture<String> later() {
            return java.util.concurrent.CompletableFuture.completedFuture("done");
        }

        public void refuse() {
            throw new UnsupportedOperationException("refused");
        }
    }

    /** Every recording call throws; what reaches {@link #adviceFailed} is kept as "where: message". */
    private static final class FailingSink implements Sink {
        final List<String> failures = new ArrayList<>();
        /** What {@link #enter} returns; while null, it throws. */
        Object frame;

        @Override
        public void record(int operation, long nanos, boolean failed) {
            throw new IllegalStateException("recording failed");
        }

        @Override
        public Object enter() {
            if (frame != null) {
                return frame;
            }
            throw new IllegalStateException("entering failed");
        }

        @Override
        public void exit(Object frame, int operation, long nanos, boolean failed) {
            throw new IllegalStateException("exiting failed");
        }

        @Override
        public Object enterConstructor() {
            throw new IllegalStateException("entering a constructor failed");
        }

        @Override
        public Object completesLater(int operation, long startNanos, Object result, String declaredType) {
            throw new IllegalStateException("hooking the result failed");
        }

        @Override
        public Object reactiveRequest(Object exchange, long startNanos, Object handling) {
            throw new IllegalStateException("following the request failed");
        }

        @Override
        public void exitPending(Object frame, long nanos) {
            throw new IllegalStateException("exiting a pending call failed");
        }

        @Override
        public long calleeNanos(Object frame) {
            throw new IllegalStateException("reading callee time failed");
        }

        @Override
        public long allocationCounter() {
            throw new IllegalStateException("reading the allocation counter failed");
        }

        @Override
        public void exitConstructor(Object frame, int operation, long nanos, long calleeNanosAtStart,
                                    long allocationAtStart) {
            throw new IllegalStateException("exiting a constructor failed");
        }

        @Override
        public void request(String method, Object handlerRoute, String mappingRoute, String path, int status,
                            long nanos, boolean failed) {
            throw new IllegalStateException("request failed");
        }

        @Override
        public boolean claimRequest() {
            throw new IllegalStateException("claim failed");
        }

        @Override
        public void releaseRequest() {
            throw new IllegalStateException("release failed");
        }

        @Override
        public long startServletRequest(Object request) {
            throw new IllegalStateException("servlet request failed");
        }

        @Override
        public void endServletRequest(Object request, Object response, long startNanos, boolean failed) {
            throw new IllegalStateException("servlet request failed");
        }

        @Override
        public void completeServletRequest(Object asyncContext) {
            throw new IllegalStateException("servlet request failed");
        }

        @Override
        public Object enterClient() {
            throw new IllegalStateException("client enter failed");
        }

        @Override
        public void exitClient(Object token, String method, String scheme, String host, int port, String target,
                               int status, long nanos, boolean failed) {
            throw new IllegalStateException("client exit failed");
        }

        @Override
        public void exitClientPending(Object token, String method, String scheme, String host, int port,
                                      String target, long startNanos, long nanos, Object result) {
            throw new IllegalStateException("client pending exit failed");
        }

        @Override
        public Object exitClientHook(Object token, String method, String scheme, String host, int port,
                                     String target, long startNanos, long nanos) {
            throw new IllegalStateException("client hook failed");
        }

        @Override
        public void clientConnecting(Object connection) {
            throw new IllegalStateException("client connecting failed");
        }

        @Override
        public long clientStartOf(Object connection, long otherwise) {
            throw new IllegalStateException("client start failed");
        }

        @Override
        public Object enterJdbc() {
            throw new IllegalStateException("jdbc enter failed");
        }

        @Override
        public void exitStatement(Object token, Object statement, String sql, boolean forgetText, long nanos,
                                  boolean failed) {
            throw new IllegalStateException("statement exit failed");
        }

        @Override
        public void statementPrepared(Object statement, String sql) {
            throw new IllegalStateException("prepare failed");
        }

        @Override
        public void exitConnection(Object token, int operation, long nanos, boolean failed) {
            throw new IllegalStateException("connection exit failed");
        }

        @Override
        public void adviceFailed(Throwable failure, String where) {
            failures.add(where + ": " + failure.getMessage());
        }
    }
}
