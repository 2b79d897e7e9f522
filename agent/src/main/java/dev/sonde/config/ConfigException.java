package dev.sonde.config;

/** A configuration that sonde cannot run with; the message is one line a user can act on. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
