package dev.sonde.record;

import dev.sonde.bootstrap.ServletApi;
import dev.sonde.bootstrap.Sink;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongBiFunction;

/**
 * The {@link Sink} behind every instrumented call: each platform thread writes into its own
 * {@link ThreadRecording}, found by a thread-local lookup; virtual threads share a
 * {@link SharedRecording}.
 *
 * <h2>Concurrency contract</h2>
 * This is the one statement of it; the classes behind it refer here.
 *
 * <p><b>Recording</b> ({@link #record}, {@link #enter}, {@link #exit}, {@link #request}) is called on
 * any number of application threads at once. A platform thread's call stores its figures in its
 * own {@link CallBuffer} for the operation: wait-free, no allocation, no atomic read-modify-write.
 * It takes a lock only:
 * <ul>
 *   <li>once per {@link CallBuffer#CAPACITY} calls of an operation on a thread, to hand the full
 *       buffer to the operation's {@link StripedTotals}. It never waits for that lock the first
 *       time: if it is taken, the stripes grow or the thread goes on in the buffer's overflow, and
 *       the thread waits only when the overflow is full too (a snapshot or another thread holding
 *       that stripe);</li>
 *   <li>for a call whose figures do not fit the buffer (over 2.1 s, or 2 GiB allocated), and for
 *       every call of a virtual thread ({@link SharedRecording}), recorded straight into the totals
 *       under a stripe's lock;</li>
 *   <li>on the first call of every {@link #FOLD_EVERY_NEW_THREADS}th new thread, which folds the
 *       ended ones, and for a request whose route is new (the registry's lock).</li>
 * </ul>
 * A thread allocates the first time it calls an operation (its buffer), reaches a new depth (its
 * frame) or needs an overflow buffer; a request allocates only when its route is new (the
 * operation's name) or has to be read from the raw path (no framework template or servlet mapping
 * names it; see {@link HttpRoutes}). Nothing thrown
 * reaches the application: the advice suppresses it, and a failed hand-over still empties the
 * buffer (those calls are lost, later ones are not).
 *
 * <p><b>Snapshots</b> ({@link #snapshot}, {@link #snapshotOf(String)}, and an export's read
 * {@link #countsOfChanged}, which reads the same way without copying) and
 * {@link #foldFinishedThreads} may be called from any thread, several at once. A snapshot holds
 * every stripe lock of one operation at a time (a writer waits for it only at the locks above) and
 * reads that operation's live buffers without their owners' help: each buffer is written by
 * its owner alone and emptied only under a stripe lock, so no call is counted twice or lost. The
 * owner stores a call's figures, then its buffer's size with a release store; a snapshot reads the
 * size with an acquire load, so it sees whole calls only. Error and status counters are stored
 * after the size and read before it, so they never count a call that the size leaves out. A call
 * under way during a snapshot is in that snapshot or the next; a snapshot never counts fewer calls
 * than the one before it. An ended thread's buffers are folded into the totals once, by the first
 * caller that claims them. The jcstress module checks the publication.
 */
public final class ThreadLocalRecorder implements Sink {

    /**
     * Every this many new threads, the new thread folds the ended ones (besides the housekeeper's
     * fold once a second): when a pool replaces its threads, the old buffers are released before
     * the new pool has made many of its own, so memory does not peak at two pools' worth.
     */
    static final int FOLD_EVERY_NEW_THREADS = 32;

    private final OperationRegistry registry;
    private final RecordingOptions options;
    private final SharedRecording shared;
    private final SqlStatements statements;
    private final ClientCalls clientCalls;
    private final ServletApis servletApis = new ServletApis();
    /** When each {@code HttpURLConnection} whose call is under way began connecting. */
    private final WeakIdentityMap<Long> connectionStarts = new WeakIdentityMap<>();
    private final ConcurrentLinkedQueue<ThreadRecording> threads = new ConcurrentLinkedQueue<>();
    /**
     * Each thread's recording, held in a one-slot {@code Object[]} that {@link #release} empties: a
     * thread-local value outlives its ThreadLocal in every thread that does not end, and a value of
     * one of sonde's classes (even an array of one) would keep sonde's class loader alive after
     * {@code detach}.
     */
    private final ThreadLocal<Object[]> current = ThreadLocal.withInitial(this::holderForCurrentThread);
    private final AtomicInteger newThreads = new AtomicInteger();
    private final AdviceFailures adviceFailures = new AdviceFailures();
    /**
     * Set by {@link #release}: a completion hook that fires after {@code detach} (its call began
     * before) records nothing rather than give this released recorder a new thread recording.
     */
    private volatile boolean released;

    public ThreadLocalRecorder(OperationRegistry registry, RecordingOptions options) {
        this.registry = registry;
        this.options = options;
        this.shared = new SharedRecording(registry, options);
        this.statements = new SqlStatements(registry);
        this.clientCalls = new ClientCalls(registry);
    }

    @Override
    public void record(int operation, long nanos, boolean failed) {
        recording().record(operation, nanos, CallBuffer.NOT_RECORDED, CallBuffer.NOT_RECORDED, failed);
    }

    /**
     * The call's frame, or past the maximum depth the thread's recording itself: never null, so that
     * the exit advice can tell a call whose entry failed (no start time) from one to record.
     */
    @Override
    public Object enter() {
        ThreadRecording recording = recording();
        Frame frame = recording.enter();
        return frame != null ? frame : recording;
    }

    @Override
    public void exit(Object frame, int operation, long nanos, boolean failed) {
        if (frame instanceof Frame) {
            Frame open = (Frame) frame;
            open.owner.exit(open, operation, nanos, failed);
        } else {
            // Past the maximum depth: the duration alone.
            record(operation, nanos, failed);
        }
    }

    @Override
    public Object enterConstructor() {
        return recording().current();
    }

    @Override
    public Object completesLater(int operation, long startNanos, Object result, String declaredType) {
        if (result instanceof CompletionStage) {
            return AsyncCompletion.attach(this, operation, startNanos, (CompletionStage<?>) result) ? result : null;
        }
        ReactorPublishers reactor = ReactorPublishers.of(result);
        if (reactor != null) {
            // A Mono for a Mono, a Flux for a Flux: fits every declared type that gets the async advice.
            return PublisherCompletion.follow(this, operation, startNanos, reactor, result);
        }
        return ReactiveStreamsPublisher.PUBLISHER.equals(declaredType)
                ? ReactiveStreamsPublisher.follow(this, operation, startNanos, result) : null;
    }

    @Override
    public void exitPending(Object frame, long nanos) {
        if (frame instanceof Frame) {
            Frame open = (Frame) frame;
            open.owner.exitPending(open, nanos);
        }
    }

    /**
     * An asynchronous call's result completed, on this thread, {@code nanos} after the call began.
     * Its self time and allocation are unavailable: its work ran on other threads, between other calls.
     */
    void asyncCompleted(int operation, long nanos, boolean failed) {
        if (released) {
            return;
        }
        long allocation = options.allocation() ? AllocationCounter.UNAVAILABLE : CallBuffer.NOT_RECORDED;
        recording().recordCompletion(operation, nanos, allocation, ThreadRecording.NO_STATUS, failed);
    }

    /**
     * An asynchronous call ended (its future completed, its subscription ended): recorded as
     * {@link #asyncCompleted} or {@link #asyncCancelled} say. Never throws: it runs inside the
     * application's completion or signal, which a failure here must not disturb.
     */
    void asyncEnded(int operation, long nanos, boolean cancelled, boolean failed) {
        try {
            if (cancelled) {
                asyncCancelled(operation);
            } else {
                asyncCompleted(operation, nanos, failed);
            }
        } catch (Throwable unrecorded) {
            adviceFailed(unrecorded, "completion hook of operation " + operation);
        }
    }

    /** An asynchronous call's result was cancelled: counted apart from calls and errors. */
    void asyncCancelled(int operation) {
        if (!released) {
            recording().recordCancelled(operation);
        }
    }

    @Override
    public long calleeNanos(Object frame) {
        return frame instanceof Frame ? ((Frame) frame).calleeNanos : 0;
    }

    @Override
    public long allocationCounter() {
        return options.allocationCounter();
    }

    @Override
    public void exitConstructor(Object frame, int operation, long nanos, long calleeNanosAtStart,
                                long allocationAtStart) {
        if (frame instanceof Frame) {
            Frame caller = (Frame) frame;
            caller.owner.exitConstructor(caller, operation, nanos, calleeNanosAtStart, allocationAtStart);
        } else {
            // Begun before sonde started: the duration alone.
            record(operation, nanos, false);
        }
    }

    @Override
    public void request(String method, Object handlerRoute, String mappingRoute, String path, int status,
                        long nanos, boolean failed) {
        int operation = registry.registerRoute(method, HttpRoutes.route(handlerRoute, mappingRoute, path));
        recording().recordRequest(operation, nanos, statusClass(status, failed), failed || status >= 500);
    }

    @Override
    public void asyncRequest(String method, Object handlerRoute, String mappingRoute, String path, int status,
                             long nanos, boolean failed) {
        int operation = registry.registerRoute(method, HttpRoutes.route(handlerRoute, mappingRoute, path));
        recording().recordCompletion(operation, nanos, CallBuffer.NOT_RECORDED, statusClass(status, failed),
                failed || status >= 500);
    }

    /** An exception escaping the handler is a server error, whatever status was set before it. */
    private static int statusClass(int status, boolean failed) {
        return failed && status < 500 ? 5 : HttpRoutes.statusClass(status);
    }

    @Override
    public Object reactiveRequest(Object exchange, long startNanos, Object handling) {
        return ReactiveRequest.follow(this, exchange, startNanos, handling);
    }

    /** A request whose client went away before its response was complete: counted apart, as cancelled. */
    void requestCancelled(String method, Object handlerRoute, String path) {
        if (!released) {
            recording().recordCancelled(registry.registerRoute(method, HttpRoutes.route(handlerRoute, null, path)));
        }
    }

    @Override
    public boolean claimRequest() {
        return recording().claimRequest();
    }

    /**
     * The claim comes first: inside a request (the filters after the first, the servlet) nothing of
     * the servlet API is called. A claim taken for a dispatch that is not timed, or whose check threw
     * (a recycled request does), is given back at once: a claim left taken would leave every later
     * request of this thread untimed.
     */
    @Override
    public long startServletRequest(Object request) {
        ThreadRecording recording = recording();
        if (!recording.claimRequest()) {
            return 0L;
        }
        boolean timed = false;
        try {
            ServletApi api = servletApis.of(request);
            timed = api != null && api.isTimedDispatch(request);
        } finally {
            if (!timed) {
                recording.releaseRequest();
            }
        }
        return timed ? System.nanoTime() : 0L;
    }

    @Override
    public void endServletRequest(Object request, Object response, long startNanos, boolean failed) {
        recording().releaseRequest();
        ServletApi api = servletApis.of(request);
        if (api != null) {
            api.endDispatch(this, request, response, startNanos, failed);
        }
    }

    @Override
    public void completeServletRequest(Object asyncContext) {
        ServletApi api = servletApis.of(asyncContext);
        if (api != null) {
            api.complete(this, asyncContext);
        }
    }

    /**
     * For sonde's own threads (the Prometheus endpoint, the OTLP push): the requests they serve and
     * the HTTP calls and statements they make are never operations of the application. Held for the
     * thread's life.
     */
    public void claimForSonde() {
        recording().claim(ThreadRecording.REQUEST | ThreadRecording.HTTP_CLIENT | ThreadRecording.JDBC);
    }

    @Override
    public void releaseRequest() {
        recording().releaseRequest();
    }

    /**
     * The token is the call's frame (its caller's self time excludes it, like any timed callee), or
     * the thread's recording itself past the maximum depth.
     */
    @Override
    public Object enterJdbc() {
        return enterClaimed(ThreadRecording.JDBC);
    }

    private Object enterClaimed(int kind) {
        ThreadRecording recording = recording();
        if (!recording.claim(kind)) {
            return null;
        }
        try {
            Frame frame = recording.enter();
            return frame != null ? frame : recording;
        } catch (RuntimeException | Error failed) {
            // Never left claimed: every later call of this kind on this thread would go uncounted.
            recording.release(kind);
            throw failed;
        }
    }

    @Override
    public void exitStatement(Object token, Object statement, String sql, boolean forgetText, long nanos,
                              boolean failed) {
        ThreadRecording recording = release(token, ThreadRecording.JDBC);
        if (recording == null) {
            return;
        }
        int operation;
        if (sql != null) {
            operation = statements.operationOf(sql);
        } else {
            operation = statements.operationOf(statement, recording.identityProbe());
            if (forgetText) {
                statements.forget(statement, recording.identityProbe());
            }
        }
        exitClaimed(token, recording, operation, nanos, ThreadRecording.NO_STATUS, failed);
    }

    @Override
    public void statementPrepared(Object statement, String sql) {
        if (statement != null && sql != null) {
            statements.remember(statement, sql);
        }
    }

    @Override
    public void exitConnection(Object token, int operation, long nanos, boolean failed) {
        ThreadRecording recording = release(token, ThreadRecording.JDBC);
        if (recording != null) {
            exitClaimed(token, recording, operation, nanos, ThreadRecording.NO_STATUS, failed);
        }
    }

    @Override
    public Object enterClient() {
        return enterClaimed(ThreadRecording.HTTP_CLIENT);
    }

    @Override
    public void exitClient(Object token, String method, String scheme, String host, int port, String target,
                           int status, long nanos, boolean failed) {
        ThreadRecording recording = release(token, ThreadRecording.HTTP_CLIENT);
        if (recording != null) {
            int operation = clientCalls.operationOf(method, scheme, host, port, target, recording.clientProbe());
            exitClaimed(token, recording, operation, nanos, HttpRoutes.statusClass(status), clientError(status, failed));
        }
    }

    @Override
    public void exitClientPending(Object token, String method, String scheme, String host, int port, String target,
                                  long startNanos, long nanos, Object result) {
        ThreadRecording recording = release(token, ThreadRecording.HTTP_CLIENT);
        if (recording == null) {
            return;
        }
        int operation = clientCalls.operationOf(method, scheme, host, port, target, recording.clientProbe());
        if (result instanceof CompletionStage
                && ClientCompletion.attach(this, operation, startNanos, (CompletionStage<?>) result)) {
            if (token instanceof Frame) {
                recording.exitPending((Frame) token, nanos);
            }
        } else {
            exitClaimed(token, recording, operation, nanos, ThreadRecording.NO_STATUS, result == null);
        }
    }

    @Override
    public Object exitClientHook(Object token, String method, String scheme, String host, int port, String target,
                                 long startNanos, long nanos) {
        ThreadRecording recording = release(token, ThreadRecording.HTTP_CLIENT);
        if (recording == null) {
            return null;
        }
        int operation = clientCalls.operationOf(method, scheme, host, port, target, recording.clientProbe());
        if (token instanceof Frame) {
            recording.exitPending((Frame) token, nanos);
        }
        return new ClientSignals(this, operation, startNanos);
    }

    /**
     * Whether an outbound call failed: its response said 5xx, or it threw without a response (a 4xx
     * that the client turns into an exception, as {@code HttpURLConnection} does, is a 4xx like any other).
     */
    static boolean clientError(int status, boolean threw) {
        return status >= 500 || threw && (status < 400 || status >= 600);
    }

    /** An asynchronous outbound call's response arrived (or its call failed), on this thread. */
    void clientCompleted(int operation, long nanos, int status, boolean failed) {
        if (released) {
            return;
        }
        long allocation = options.allocation() ? AllocationCounter.UNAVAILABLE : CallBuffer.NOT_RECORDED;
        recording().record(operation, nanos, CallBuffer.NOT_RECORDED, allocation, HttpRoutes.statusClass(status),
                clientError(status, failed));
    }

    @Override
    public void clientConnecting(Object connection) {
        if (connection != null) {
            connectionStarts.putIfAbsent(connection, System.nanoTime());
        }
    }

    @Override
    public long clientStartOf(Object connection, long otherwise) {
        if (connection == null) {
            return otherwise;
        }
        Long start = connectionStarts.remove(connection, recording().identityProbe());
        return start != null ? start : otherwise;
    }

    /** Ends the thread's claimed call first, so a failure in what follows cannot leave it claimed. */
    private static ThreadRecording release(Object token, int kind) {
        ThreadRecording recording = token instanceof Frame ? ((Frame) token).owner
                : token instanceof ThreadRecording ? (ThreadRecording) token : null;
        if (recording != null) {
            recording.release(kind);
        }
        return recording;
    }

    private static void exitClaimed(Object token, ThreadRecording recording, int operation, long nanos,
                                    int statusClass, boolean failed) {
        if (token instanceof Frame) {
            recording.exit((Frame) token, operation, nanos, statusClass, failed);
        } else {
            recording.record(operation, nanos, CallBuffer.NOT_RECORDED, CallBuffer.NOT_RECORDED, statusClass, failed);
        }
    }

    /** The statements whose text is remembered; for tests. */
    int rememberedStatements() {
        return statements.rememberedStatements();
    }

    @Override
    public void adviceFailed(Throwable failure, String where) {
        adviceFailures.failed(failure, where);
    }

    /** The report warnings for advice that failed since recording began (none, normally). */
    public List<String> adviceFailureWarnings() {
        return adviceFailures.warnings();
    }

    /**
     * The current thread's recording. Virtual threads are checked before the thread-local lookup:
     * they must not even get a ThreadLocal entry (about 130 bytes each, times 100 000 threads).
     */
    private ThreadRecording recording() {
        if (VirtualThreads.isVirtual(Thread.currentThread())) {
            return shared;
        }
        ThreadRecording recording = (ThreadRecording) current.get()[0];
        // Null only after release: a call that was already under way when sonde detached.
        return recording != null ? recording : shared;
    }

    private Object[] holderForCurrentThread() {
        ThreadRecording recording = new ThreadRecording(registry, options, Thread.currentThread());
        threads.add(recording);
        if (newThreads.incrementAndGet() % FOLD_EVERY_NEW_THREADS == 0) {
            foldFinishedThreads();
        }
        return recording.holder;
    }

    /**
     * Lets go of every thread's recording (at {@code detach}, after the last snapshot): threads that
     * live on keep only an empty JDK array in their thread-local map, nothing that holds sonde's
     * classes, so sonde's class loader can be collected.
     */
    public void release() {
        released = true;
        for (ThreadRecording recording : threads) {
            recording.holder[0] = null;
        }
        threads.clear();
    }

    /**
     * Hands the buffers of ended threads to the totals and forgets those threads (thread-pool churn).
     * Any thread may call it, several at once: each ended thread is folded by one of them.
     */
    public void foldFinishedThreads() {
        for (Iterator<ThreadRecording> it = threads.iterator(); it.hasNext(); ) {
            ThreadRecording recording = it.next();
            if (recording.ownerFinished() && recording.claimFold()) {
                recording.foldInto(registry);
                it.remove();
            }
        }
    }

    /** Cumulative figures of every operation called at least once, since recording began. */
    public List<OperationSnapshot> snapshot() {
        foldFinishedThreads();
        List<OperationSnapshot> result = new ArrayList<>();
        for (Operation operation : registry.all()) {
            OperationSnapshot snapshot = snapshotOf(operation);
            if (snapshot.wasCalled()) {
                result.add(snapshot);
            }
        }
        return result;
    }

    /** Cumulative figures of one operation, by name; empty if no such operation was registered. */
    public java.util.Optional<OperationSnapshot> snapshotOf(String name) {
        return registry.find(name).map(id -> snapshotOf(registry.operation(id)));
    }

    /**
     * For a metrics export that reads again and again (a Prometheus scrape) and keeps what it made
     * of each operation: the figures of the operations whose calls and cancellations are no longer
     * what {@code seen} gives for their kind and name (0 for one it has not seen), read as
     * consistently as a {@link #snapshot()} but without copying a histogram, and without self time
     * ({@link OperationCounts}). The others are not read at all, which is most of what a read costs
     * when most operations are idle between two scrapes.
     */
    public List<OperationCounts> countsOfChanged(ToLongBiFunction<OperationKind, String> seen) {
        foldFinishedThreads();
        CountsRead read = new CountsRead();
        List<OperationCounts> result = new ArrayList<>();
        for (Operation operation : registry.all()) {
            if (operation.totals.readIfChanged(pendingOf(operation), seen.applyAsLong(operation.kind, operation.name),
                    read)) {
                result.add(read.finish(operation));
            }
        }
        return result;
    }

    /** {@link #countsOfChanged} of every operation called at least once: for an export that keeps nothing. */
    public List<OperationCounts> counts() {
        return countsOfChanged((kind, name) -> 0);
    }

    /** The operation's totals plus what live threads still hold for it. */
    private OperationSnapshot snapshotOf(Operation operation) {
        return new OperationSnapshot(operation, operation.totals.copyWith(pendingOf(operation)));
    }

    private List<CallBuffer> pendingOf(Operation operation) {
        List<CallBuffer> pending = new ArrayList<>();
        for (ThreadRecording recording : threads) {
            CallBuffer buffer = recording.pending(operation.id);
            if (buffer != null) {
                pending.add(buffer);
            }
        }
        return pending;
    }

    /** The recordings of live (and not yet folded) threads; for tests. */
    List<ThreadRecording> threadRecordings() {
        return new ArrayList<>(threads);
    }

    /** Threads that currently own buffers (for diagnostics and memory tests). */
    public int threadsWithBuffers() {
        return threads.size();
    }
}
