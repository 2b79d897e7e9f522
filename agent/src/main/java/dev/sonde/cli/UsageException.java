package dev.sonde.cli;

/** Wrong usage or unusable input: one line for the user, exit code 2, never a stack trace. */
class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
