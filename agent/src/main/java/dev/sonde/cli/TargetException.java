package dev.sonde.cli;

/**
 * A target JVM that cannot be reached or does not do what was asked (dead pid, not a JVM, attach
 * disabled, sonde not running...): one line naming the cause, exit code 2, no usage text, since the
 * command was typed correctly.
 */
final class TargetException extends Exception {

    private static final long serialVersionUID = 1L;

    TargetException(String message) {
        super(message);
    }
}
