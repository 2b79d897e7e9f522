package dev.sonde.bootstrap;

import java.util.function.UnaryOperator;

/**
 * async-profiler's native library as the first sonde of this JVM loaded it, for the sondes that come
 * after it.
 *
 * <p>A native library belongs to the class loader that loaded it, and a JVM lets no other loader load
 * the same file while that one lives ("already loaded in another classloader"). Every attach after a
 * detach is a fresh sonde in a fresh class loader ({@link AgentHandle}), so it cannot load the library
 * again: it borrows the first sonde's instead. This class, on the bootstrap class path once per JVM,
 * is the place both see; it holds async-profiler's {@code execute} under a JDK type (command text in,
 * output out, failures as unchecked exceptions), so that no type of either class loader crosses.
 * Keeping it keeps the first sonde's class loader, which the loaded library pins anyway.
 */
public final class NativeProfilerHandle {

    private static UnaryOperator<String> commands;

    private NativeProfilerHandle() {
    }

    /** Keeps {@code execute} for later sondes, unless an earlier sonde's is kept already. */
    public static synchronized void keepIfAbsent(UnaryOperator<String> execute) {
        if (commands == null) {
            commands = execute;
        }
    }

    /** The loaded async-profiler's {@code execute}, or null if no sonde of this JVM has loaded it. */
    public static synchronized UnaryOperator<String> kept() {
        return commands;
    }
}
