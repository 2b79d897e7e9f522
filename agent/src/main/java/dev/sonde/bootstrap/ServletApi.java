package dev.sonde.bootstrap;

/**
 * What sonde reads of one copy of the servlet API ({@code jakarta.servlet} or {@code javax.servlet})
 * to time requests. The advice inlined into every filter and servlet only calls {@link Recorder};
 * the servlet calls that name a request's route run here, out of line, so each advised method grows
 * by a few bytes and the JIT still inlines a small one such as {@code HttpServlet#service}.
 *
 * <p>The implementations name the API's types, which sonde's own class loader cannot see: each is
 * defined in a class loader of its own whose parent is the API's, and sees nothing of sonde but this
 * package. Every method may throw what the application's request throws (a recycled request does);
 * the caller lets it reach the advice's failure handler.
 */
public interface ServletApi {

    /** Whether {@code object} is a request or {@code AsyncContext} of this copy of the API. */
    boolean owns(Object object);

    /**
     * Whether the dispatch of {@code request} now beginning is timed: an HTTP request's own
     * dispatch, or the asynchronous dispatch of one that went asynchronous. Error-page dispatches
     * after a request ended, forwards and includes outside a request never count.
     */
    boolean isTimedDispatch(Object request);

    /**
     * The outermost filter or servlet of a timed dispatch returned (or threw, {@code failed}). A
     * request that went asynchronous is not over: its start is kept in a request attribute for the
     * dispatch or {@code AsyncContext#complete} that ends it. Otherwise the request is recorded into
     * {@code sink}, named by route.
     */
    void endDispatch(Sink sink, Object request, Object response, long startNanos, boolean failed);

    /**
     * {@code AsyncContext#complete} was called: a request that went asynchronous and ends without a
     * further dispatch is recorded, timed from its original start.
     */
    void complete(Sink sink, Object asyncContext);
}
