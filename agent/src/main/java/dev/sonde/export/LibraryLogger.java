package dev.sonde.export;

import dev.sonde.bootstrap.Log;

import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Stands in for {@code java.util.logging.Logger} in the libraries sonde carries: the build relocates
 * their every use of that class (the Prometheus exporter's, the OpenTelemetry SDK's, JLine's) to
 * this one. The first use of a real {@code Logger} initializes the JVM's {@code LogManager} and fixes
 * its class for the JVM's life, so an export started with the JVM would take that choice from an
 * application that makes it later (WildFly's JBoss LogManager, log4j-jul, set from code in
 * {@code main}). Their messages also never belong in the application's logs: those of level INFO and
 * above become sonde's own debug lines ({@code log=debug}), the rest are dropped.
 *
 * <p>Has exactly the methods the relocated libraries call, with the signatures the relocation gives
 * them.
 */
public final class LibraryLogger {

    private final String name;

    private LibraryLogger(String name) {
        this.name = name;
    }

    public static LibraryLogger getLogger(String name) {
        return new LibraryLogger(name);
    }

    public String getName() {
        return name;
    }

    public boolean isLoggable(Level level) {
        return Log.isDebug() && level.intValue() >= Level.INFO.intValue();
    }

    public void log(Level level, String message) {
        log(level, message, null);
    }

    public void log(Level level, String message, Throwable thrown) {
        if (isLoggable(level)) {
            Log.debug(name + ": " + message + (thrown == null ? "" : " (" + Log.describe(thrown) + ")"));
        }
    }

    public void log(LogRecord record) {
        log(record.getLevel(), record.getMessage(), record.getThrown());
    }

    public void warning(String message) {
        log(Level.WARNING, message);
    }

    public void info(String message) {
        log(Level.INFO, message);
    }

    public void fine(String message) {
        log(Level.FINE, message);
    }

    public void finest(String message) {
        log(Level.FINEST, message);
    }
}
