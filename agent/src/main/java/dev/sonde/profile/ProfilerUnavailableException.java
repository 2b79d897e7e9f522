package dev.sonde.profile;

/** async-profiler cannot run here (platform, permissions, already loaded elsewhere); the message says why. */
public final class ProfilerUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProfilerUnavailableException(String message) {
        super(message);
    }
}
