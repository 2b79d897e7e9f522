package dev.sonde.record;

/** What an operation times; written into reports as {@code kind}. */
public enum OperationKind {
    METHOD("method"),
    HTTP("http"),
    /** A JDBC statement (one per normalised text), or a {@code DataSource}'s {@code getConnection}. */
    SQL("sql"),
    /** An outbound HTTP call (one per method, server and path template), by any client sonde knows. */
    HTTP_CLIENT("http-client");

    private final String label;

    OperationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
