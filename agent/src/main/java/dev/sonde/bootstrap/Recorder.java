package dev.sonde.bootstrap;

/**
 * The static entry point that inlined advice calls, visible to every class loader.
 *
 * <p>Each method is one volatile read and one interface call; the JIT inlines both while a single
 * sink is installed. Until {@link #installIfAbsent} runs (and after {@link #uninstall}), calls are
 * discarded.
 */
public final class Recorder {

    private static final Sink DISCARD = new DiscardingSink();
    private static volatile Sink sink = DISCARD;

    private Recorder() {
    }

    public static void record(int operation, long nanos, boolean failed) {
        sink.record(operation, nanos, failed);
    }

    public static Object enter() {
        return sink.enter();
    }

    public static void exit(Object frame, int operation, long nanos, boolean failed) {
        sink.exit(frame, operation, nanos, failed);
    }

    public static Object enterConstructor() {
        return sink.enterConstructor();
    }

    public static Object completesLater(int operation, long startNanos, Object result, String declaredType) {
        return sink.completesLater(operation, startNanos, result, declaredType);
    }

    public static void exitPending(Object frame, long nanos) {
        sink.exitPending(frame, nanos);
    }

    public static long calleeNanos(Object frame) {
        return sink.calleeNanos(frame);
    }

    public static long allocationCounter() {
        return sink.allocationCounter();
    }

    public static void exitConstructor(Object frame, int operation, long nanos, long calleeNanosAtStart,
                                       long allocationAtStart) {
        sink.exitConstructor(frame, operation, nanos, calleeNanosAtStart, allocationAtStart);
    }

    public static void request(String method, Object handlerRoute, String mappingRoute, String path, int status,
                               long nanos, boolean failed) {
        sink.request(method, handlerRoute, mappingRoute, path, status, nanos, failed);
    }

    public static Object reactiveRequest(Object exchange, long startNanos, Object handling) {
        return sink.reactiveRequest(exchange, startNanos, handling);
    }

    public static void asyncRequest(String method, Object handlerRoute, String mappingRoute, String path, int status,
                                    long nanos, boolean failed) {
        sink.asyncRequest(method, handlerRoute, mappingRoute, path, status, nanos, failed);
    }

    public static boolean claimRequest() {
        return sink.claimRequest();
    }

    public static void releaseRequest() {
        sink.releaseRequest();
    }

    public static long startServletRequest(Object request) {
        return sink.startServletRequest(request);
    }

    public static void endServletRequest(Object request, Object response, long startNanos, boolean failed) {
        sink.endServletRequest(request, response, startNanos, failed);
    }

    public static void completeServletRequest(Object asyncContext) {
        sink.completeServletRequest(asyncContext);
    }

    public static Object enterJdbc() {
        return sink.enterJdbc();
    }

    public static void exitStatement(Object token, Object statement, String sql, boolean forgetText, long nanos,
                                     boolean failed) {
        sink.exitStatement(token, statement, sql, forgetText, nanos, failed);
    }

    public static void statementPrepared(Object statement, String sql) {
        sink.statementPrepared(statement, sql);
    }

    public static void exitConnection(Object token, int operation, long nanos, boolean failed) {
        sink.exitConnection(token, operation, nanos, failed);
    }

    public static Object enterClient() {
        return sink.enterClient();
    }

    public static void exitClient(Object token, String method, String scheme, String host, int port, String target,
                                  int status, long nanos, boolean failed) {
        sink.exitClient(token, method, scheme, host, port, target, status, nanos, failed);
    }

    public static void exitClientPending(Object token, String method, String scheme, String host, int port,
                                         String target, long startNanos, long nanos, Object result) {
        sink.exitClientPending(token, method, scheme, host, port, target, startNanos, nanos, result);
    }

    public static Object exitClientHook(Object token, String method, String scheme, String host, int port,
                                        String target, long startNanos, long nanos) {
        return sink.exitClientHook(token, method, scheme, host, port, target, startNanos, nanos);
    }

    public static void clientConnecting(Object connection) {
        sink.clientConnecting(connection);
    }

    public static long clientStartOf(Object connection, long otherwise) {
        return sink.clientStartOf(connection, otherwise);
    }

    /**
     * The handler of every failure inside inlined advice, in place of suppressing it silently. Must
     * never throw: its caller is the application's method. Only an error in the call itself (a stack
     * already full) could escape, where the application's own next call would fail the same way.
     */
    public static void adviceFailed(Throwable failure, String where) {
        try {
            sink.adviceFailed(failure, where);
        } catch (Throwable unrecordable) {
            // A sink that fails here too (a full heap): the failure goes uncounted, the call is unaffected.
        }
    }

    /**
     * Installs the sink unless one is installed already. The bootstrap class path has one copy of
     * this class per JVM, which makes this the guard against starting sonde twice.
     */
    public static synchronized boolean installIfAbsent(Sink newSink) {
        if (sink != DISCARD) {
            return false;
        }
        sink = newSink;
        return true;
    }

    public static synchronized void uninstall() {
        sink = DISCARD;
    }

    /** The sink in place before sonde has started recording, or after it stopped. */
    private static final class DiscardingSink implements Sink {
        @Override
        public void record(int operation, long nanos, boolean failed) {
        }

        @Override
        public Object enter() {
            return null;
        }

        @Override
        public void exit(Object frame, int operation, long nanos, boolean failed) {
        }

        @Override
        public Object enterConstructor() {
            return null;
        }

        @Override
        public long calleeNanos(Object frame) {
            return 0;
        }

        @Override
        public Object completesLater(int operation, long startNanos, Object result, String declaredType) {
            return null;
        }

        @Override
        public void exitPending(Object frame, long nanos) {
        }

        @Override
        public long allocationCounter() {
            return -1;
        }

        @Override
        public void exitConstructor(Object frame, int operation, long nanos, long calleeNanosAtStart,
                                    long allocationAtStart) {
        }

        @Override
        public void request(String method, Object handlerRoute, String mappingRoute, String path, int status,
                            long nanos, boolean failed) {
        }

        @Override
        public long startServletRequest(Object request) {
            return 0L;
        }

        @Override
        public void endServletRequest(Object request, Object response, long startNanos, boolean failed) {
        }

        @Override
        public void completeServletRequest(Object asyncContext) {
        }

        @Override
        public Object reactiveRequest(Object exchange, long startNanos, Object handling) {
            return handling;
        }

        @Override
        public boolean claimRequest() {
            return false;
        }

        @Override
        public void releaseRequest() {
        }

        @Override
        public Object enterJdbc() {
            return null;
        }

        @Override
        public void exitStatement(Object token, Object statement, String sql, boolean forgetText, long nanos,
                                  boolean failed) {
        }

        @Override
        public void statementPrepared(Object statement, String sql) {
        }

        @Override
        public void exitConnection(Object token, int operation, long nanos, boolean failed) {
        }

        @Override
        public Object enterClient() {
            return null;
        }

        @Override
        public void exitClient(Object token, String method, String scheme, String host, int port, String target,
                               int status, long nanos, boolean failed) {
        }

        @Override
        public void exitClientPending(Object token, String method, String scheme, String host, int port,
                                      String target, long startNanos, long nanos, Object result) {
        }

        @Override
        public Object exitClientHook(Object token, String method, String scheme, String host, int port,
                                     String target, long startNanos, long nanos) {
            return null;
        }

        @Override
        public void clientConnecting(Object connection) {
        }

        @Override
        public long clientStartOf(Object connection, long otherwise) {
            return otherwise;
        }

        @Override
        public void adviceFailed(Throwable failure, String where) {
        }
    }
}
