package dev.sonde.cli;

/**
 * A well-formed command whose input cannot be used (a file name this system cannot represent...):
 * {@link Main} prints the one line and exits 2, without the usage text, which would not help.
 */
final class BadInputException extends UsageException {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
