package dev.sonde.bootstrap;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * sonde's only logger: one line per event on stderr, prefixed {@code [sonde]}. No framework, so
 * nothing of the application's logging setup is touched. Stack traces only at {@code log=debug}.
 */
public final class Log {

    /** How much sonde says. */
    public enum Level { QUIET, INFO, DEBUG }

    private static volatile Level level = Level.INFO;
    private static final AtomicBoolean THREAD_DEATH_SAID = new AtomicBoolean();

    private Log() {
    }

    public static void setLevel(Level newLevel) {
        level = newLevel;
    }

    public static boolean isDebug() {
        return level == Level.DEBUG;
    }

    /** Something the user should know about in normal operation (e.g. where the report went). */
    public static void info(String message) {
        if (level != Level.QUIET) {
            print(message);
        }
    }

    /** A problem: always printed, even at {@code log=quiet}, because something did not happen. */
    public static void error(String message) {
        print(message);
    }

    /** A problem with its cause; the stack trace only at {@code log=debug}. */
    public static void error(String message, Throwable cause) {
        try {
            print(message + ": " + describe(cause));
            if (isDebug()) {
                cause.printStackTrace();
            }
        } catch (Throwable unsayable) {
            // A full heap: even this line cannot be built. Saying nothing beats failing the caller.
        }
    }

    /**
     * The uncaught-exception handler of sonde's own threads: one line instead of the JDK's stack
     * trace in the application's output, and only for the first such death. Under a full heap the
     * JDK's scheduled executors lose a worker on every wake-up (an {@code IllegalMonitorStateException}
     * from {@code DelayedWorkQueue.take} when a lock's condition node cannot be allocated), and
     * replace it at once; one line says it, the rest only at {@code log=debug}.
     */
    public static void threadDied(Thread thread, Throwable cause) {
        try {
            if (THREAD_DEATH_SAID.compareAndSet(false, true)) {
                error("sonde thread " + thread.getName() + " ended (said once; the application is not affected)", cause);
            } else if (isDebug()) {
                error("sonde thread " + thread.getName() + " ended", cause);
            }
        } catch (Throwable unsayable) {
            // Building the line failed too (a full heap); the JVM would print a stack trace instead.
        }
    }

    /** A detail for whoever is debugging sonde itself. */
    public static void debug(String message) {
        if (isDebug()) {
            print(message);
        }
    }

    /**
     * {@code NoSuchFileException: /tmp/x}: the message alone is often just a path. A class that could
     * not be linked or initialized also names its cause: "Could not initialize class X" alone hides
     * the first failure (since JDK 18 the cause says which error it was and in which thread).
     */
    public static String describe(Throwable t) {
        return describe(t, MAX_CAUSES);
    }

    /** Causes named at most: a chain that loops back on itself must still end. */
    private static final int MAX_CAUSES = 3;

    private static String describe(Throwable t, int causesLeft) {
        String text = t.getMessage();
        String own = text == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + text;
        Throwable cause = t.getCause();
        boolean named = t instanceof LinkageError && cause != null && causesLeft > 0;
        return named ? own + " (cause: " + describe(cause, causesLeft - 1) + ")" : own;
    }

    /** Never throws: a logger that fails (a full heap, a closed stderr) must not fail sonde's caller. */
    private static void print(String message) {
        try {
            System.err.println("[sonde] " + message);
        } catch (Throwable unsayable) {
            // nothing better to do
        }
    }
}
