package dev.sonde.bootstrap;

import java.util.function.UnaryOperator;

/**
 * How a later {@code agentmain} finds the sonde that already runs in this JVM.
 *
 * <p>Every {@code attach}, {@code dump} and {@code detach} arrives as a new {@code agentmain} call,
 * and each loads sonde's code in a fresh class loader: none of the running agent's classes is
 * visible to it. This class, on the bootstrap class path once per JVM, is the one place both see;
 * it holds the running agent's request handler under a JDK type (request text in, reply line out),
 * so that nothing of sonde's own crosses between the two class loaders.
 *
 * <p>All methods are synchronized; they run a few times per JVM lifetime, never on a recorded call.
 */
public final class AgentHandle {

    private static UnaryOperator<String> running;

    private AgentHandle() {
    }

    /** Makes {@code handler} the running agent unless one is registered already. */
    public static synchronized boolean registerIfAbsent(UnaryOperator<String> handler) {
        if (running != null) {
            return false;
        }
        running = handler;
        return true;
    }

    /** The running agent's request handler, or null if sonde does not run in this JVM. */
    public static synchronized UnaryOperator<String> running() {
        return running;
    }

    /** Forgets {@code handler} (after a detach); a later {@code attach} starts a fresh agent. */
    public static synchronized void unregister(UnaryOperator<String> handler) {
        if (running == handler) {
            running = null;
        }
    }
}
