package dev.sonde.bootstrap;

/**
 * Where {@link Recorder} sends each call. The implementation lives in sonde's own class loader;
 * only this interface is on the bootstrap class path.
 *
 * <p>Called on the application's threads, on every instrumented call: the implementation's
 * concurrency contract is on {@code dev.sonde.record.ThreadLocalRecorder}.
 */
public interface Sink {

    /**
     * A finished call, when only its duration is recorded ({@code alloc=off,self=off}).
     *
     * @param operation the operation id bound into the advice at transform time
     * @param nanos     wall-clock duration of the call
     * @param failed    whether the call ended by throwing
     */
    void record(int operation, long nanos, boolean failed);

    /**
     * A call begins (allocation or self time recorded). Returns the calling thread's frame state,
     * which the advice keeps in a local and hands back to {@link #exit}. Null only when nothing is
     * recorded: the exit advice skips a call without it, as it does one whose entry failed (and so
     * has no start time).
     */
    Object enter();

    /** The call that {@link #enter} began has ended after {@code nanos}. */
    void exit(Object frame, int operation, long nanos, boolean failed);

    /**
     * A constructor begins (allocation or self time recorded). A constructor that throws never
     * reaches its exit advice, so it takes no frame of its own, which it would leave open: this
     * returns the frame of the call it runs in (its timed callees add to that frame's callee time),
     * which the advice hands back to {@link #exitConstructor}; null as for {@link #enter}.
     */
    Object enterConstructor();

    /** What the timed callees of the call in {@code frame} have taken so far; 0 for null. */
    long calleeNanos(Object frame);

    /** The calling thread's allocation counter when allocation is recorded, else a negative value. */
    long allocationCounter();

    /**
     * The constructor that {@link #enterConstructor} began has returned after {@code nanos}; the
     * other two figures are what {@link #calleeNanos} and {@link #allocationCounter} said as it began.
     */
    void exitConstructor(Object frame, int operation, long nanos, long calleeNanosAtStart, long allocationAtStart);

    /**
     * A timed call that may return an asynchronous result has returned {@code result} (see
     * {@code dev.sonde.instrument.AsyncResults}). If {@code result} is one, the call ends when it
     * completes: the sink arranges that and returns what the method returns in its place, and the
     * advice records nothing now. That is {@code result} itself for a {@code CompletionStage} (with a
     * completion hook attached), and for a Reactive Streams publisher a publisher of the same type
     * (a Reactor {@code Mono} or {@code Flux}, or the declared {@code Publisher}) that times each
     * subscription. Otherwise it returns null and the advice records the call as it returned.
     *
     * @param startNanos   {@link System#nanoTime()} as the call began
     * @param declaredType the method's declared return type: what is returned in place of
     *                     {@code result} must be one
     */
    Object completesLater(int operation, long startNanos, Object result, String declaredType);

    /**
     * The call that {@link #enter} began returned after {@code nanos} with a result that completes
     * later ({@link #completesLater} returned non-null): its frame is closed (its caller's callee time grows
     * by {@code nanos}) and nothing is recorded; the completion records the call.
     */
    void exitPending(Object frame, long nanos);

    /**
     * A finished HTTP request. Called once per request (not per method call), with what the
     * server knows; the sink names the route from it.
     *
     * @param method        the HTTP method
     * @param handlerRoute  the framework's route template (Spring's best-matching pattern), or null
     * @param mappingRoute  the servlet mapping or JDK context path, or null
     * @param path          the request path within the application, for when no template is known
     * @param status        the response status (0 if none was set)
     */
    void request(String method, Object handlerRoute, String mappingRoute, String path, int status, long nanos,
                 boolean failed);

    /**
     * A Spring WebFlux exchange ({@code ServerWebExchange}) has been handed to its handlers, which
     * returned {@code handling} (a {@code Mono<Void>}) at {@code startNanos}. Returns what the
     * handler method returns in its place: a {@code Mono} that ends the request, named by route,
     * when it terminates (or {@code handling} itself when it cannot be followed).
     */
    Object reactiveRequest(Object exchange, long startNanos, Object handling);

    /**
     * A finished HTTP request that went asynchronous ({@code AsyncContext}): it began on another
     * thread, or on this one before an asynchronous dispatch, so this thread's time since
     * {@code nanos} ago is not the request's. Recorded as {@link #request} records it, without
     * the call window of a profile's slow-call graphs.
     */
    default void asyncRequest(String method, Object handlerRoute, String mappingRoute, String path, int status,
                              long nanos, boolean failed) {
        request(method, handlerRoute, mappingRoute, path, status, nanos, failed);
    }

    /**
     * Whether a request handler entered on this thread is the outermost one (nested handlers, such
     * as the JDK server's filters and a {@code HttpHandler} delegating to another, must count once;
     * servlets claim through {@link #startServletRequest}). Pair with {@link #releaseRequest()} when
     * it returns true. Allocates nothing.
     */
    boolean claimRequest();

    /** The outermost handler of this thread's request has returned. */
    void releaseRequest();

    /**
     * A servlet filter's or servlet's request method begins ({@code jakarta.servlet} or
     * {@code javax.servlet}). Returns its start ({@link System#nanoTime()}) when this is the outermost
     * call of a timed dispatch ({@link ServletApi#isTimedDispatch}), which claims the thread as
     * {@link #claimRequest} does; 0 otherwise, and for the filters and servlet it calls.
     */
    long startServletRequest(Object request);

    /** The call that {@link #startServletRequest} started (a non-zero start) has returned or thrown. */
    void endServletRequest(Object request, Object response, long startNanos, boolean failed);

    /** A servlet {@code AsyncContext#complete} was called (see {@link ServletApi#complete}). */
    void completeServletRequest(Object asyncContext);

    /**
     * A JDBC call (a statement's execution, or a {@code DataSource}'s connection) begins on this
     * thread. Returns the token to hand to {@link #exitStatement} or {@link #exitConnection}, or null
     * when the thread is already inside a JDBC call (a pool's proxy delegating to the driver, a
     * driver's {@code executeQuery} calling its own {@code execute}): the outermost call counts, once.
     */
    Object enterJdbc();

    /**
     * The statement execution that {@link #enterJdbc} began has ended.
     *
     * @param statement   the {@code java.sql.Statement} that ran
     * @param sql         the text passed to the execution, or null when it had none (a prepared
     *                    statement, a batch): the text remembered for {@code statement} is used
     * @param forgetText  whether the remembered text is spent (a plain statement's batch)
     */
    void exitStatement(Object token, Object statement, String sql, boolean forgetText, long nanos, boolean failed);

    /**
     * A connection's {@code prepare*} call returned {@code statement} for {@code sql}, or a plain
     * statement's {@code addBatch} was given {@code sql} (kept only if the statement has no text yet).
     * Remembered without keeping the statement alive.
     */
    void statementPrepared(Object statement, String sql);

    /** The {@code DataSource#getConnection} call that {@link #enterJdbc} began has ended. */
    void exitConnection(Object token, int operation, long nanos, boolean failed);

    /**
     * An outbound HTTP call begins on this thread. Returns the token to hand to {@link #exitClient}
     * or {@link #exitClientPending}, or null when the thread is already inside one (a client running
     * on another, a client's method calling its own): the outermost call counts, once.
     */
    Object enterClient();

    /**
     * The outbound call that {@link #enterClient} began has ended; the sink names its operation
     * ({@code GET 127.0.0.1:8080 /items/{id}}) from what the client saw.
     *
     * @param scheme  {@code http} or {@code https} (for the default port), or null
     * @param port    the port, or a negative value for the scheme's default
     * @param target  the request's path or its whole URL; a query string or fragment is dropped
     * @param status  the response's status, or 0 when there was no response
     * @param failed  whether the call threw (an error unless a 4xx status explains it)
     */
    void exitClient(Object token, String method, String scheme, String host, int port, String target, int status,
                    long nanos, boolean failed);

    /**
     * The outbound call that {@link #enterClient} began returned {@code result} after {@code nanos}:
     * if it is a {@code CompletionStage}, the call ends when that completes (its response's status
     * is recorded then), else now.
     *
     * @param startNanos {@link System#nanoTime()} as the call began
     */
    void exitClientPending(Object token, String method, String scheme, String host, int port, String target,
                           long startNanos, long nanos, Object result);

    /**
     * The reactive outbound call that {@link #enterClient} began returned its result (a {@code Mono})
     * after {@code nanos}; it ends when that result signals. Returns the callback to attach to it, a
     * {@code java.util.function.Consumer} of the response or error and a {@code Runnable} for a
     * cancel, or null if nothing is to be attached.
     */
    Object exitClientHook(Object token, String method, String scheme, String host, int port, String target,
                          long startNanos, long nanos);

    /**
     * An {@code HttpURLConnection} begins connecting outside a call: its call, which ends when its
     * response arrives, is timed from now. Remembered without keeping the connection alive.
     */
    void clientConnecting(Object connection);

    /** When {@code connection} began connecting ({@link #clientConnecting}), forgotten now; else {@code otherwise}. */
    long clientStartOf(Object connection, long otherwise);

    /**
     * Inlined advice threw (the call itself ran and returned as it would have). Called only on that
     * failure path, from the advice's exception handler.
     *
     * @param where the operation ({@code com.acme.Type#method}), or the HTTP advice and the method
     *              it is inlined into
     */
    void adviceFailed(Throwable failure, String where);
}
