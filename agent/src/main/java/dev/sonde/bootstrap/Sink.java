package dev.sonde.bootstrap;

/**
 * Where {@link Recorder} sends each call. The implementation lives in sonde's own class loader;
 * only this interface is on the bootstrap class path.
 *
 * <p>Implementations are called on the application's threads, on every instrumented call: they must
 * be wait-free in the common case, allocate nothing and never throw.
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
     * which the advice keeps in a local and hands back to {@link #exit}; may return null.
     */
    Object enter();

    /** The call that {@link #enter} began has ended after {@code nanos}. */
    void exit(Object frame, int operation, long nanos, boolean failed);
}
