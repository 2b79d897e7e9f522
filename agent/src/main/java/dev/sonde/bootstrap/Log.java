package dev.sonde.bootstrap;

/**
 * sonde's only logger: one line per event on stderr, prefixed {@code [sonde]}. No framework, so
 * nothing of the application's logging setup is touched. Stack traces only at {@code log=debug}.
 */
public final class Log {

    /** How much sonde says. */
    public enum Level { QUIET, INFO, DEBUG }

    private static volatile Level level = Level.INFO;

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
        print(message + ": " + describe(cause));
        if (isDebug()) {
            cause.printStackTrace();
        }
    }

    /** A detail for whoever is debugging sonde itself. */
    public static void debug(String message) {
        if (isDebug()) {
            print(message);
        }
    }

    /** {@code NoSuchFileException: /tmp/x}: the message alone is often just a path. */
    public static String describe(Throwable t) {
        String text = t.getMessage();
        return text == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + text;
    }

    private static void print(String message) {
        System.err.println("[sonde] " + message);
    }
}
