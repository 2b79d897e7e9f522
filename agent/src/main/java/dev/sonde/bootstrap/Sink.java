package dev.sonde.bootstrap;

/**
 * Where {@link Recorder} sends each finished call. The implementation lives in sonde's own class
 * loader; only this interface is on the bootstrap class path.
 *
 * <p>Implementations are called on the application's threads, on every instrumented call: they must
 * be wait-free in the common case, allocate nothing and never throw.
 */
public interface Sink {

    /**
     * @param operation the operation id bound into the advice at transform time
     * @param nanos     wall-clock duration of the call
     * @param failed    whether the call ended by throwing
     */
    void record(int operation, long nanos, boolean failed);
}
