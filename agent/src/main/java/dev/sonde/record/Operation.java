package dev.sonde.record;

/** A registered operation: its name, kind and the totals its calls are handed to. */
final class Operation {

    final int id;
    final String name;
    final OperationKind kind;
    /** For HTTP operations: the method and route template; null for methods. */
    final String httpMethod;
    final String route;
    /** For SQL statements: the whole normalised text and its short form ({@code SELECT owners}); else null. */
    final String sqlText;
    final String sqlSummary;
    final StripedTotals totals = new StripedTotals();

    Operation(int id, String name, OperationKind kind, String httpMethod, String route) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.httpMethod = httpMethod;
        this.route = route;
        this.sqlText = null;
        this.sqlSummary = null;
    }

    private Operation(int id, String name, String sqlText, String sqlSummary) {
        this.id = id;
        this.name = name;
        this.kind = OperationKind.SQL;
        this.httpMethod = null;
        this.route = null;
        this.sqlText = sqlText;
        this.sqlSummary = sqlSummary;
    }

    static Operation sql(int id, String name, String text, String summary) {
        return new Operation(id, name, text, summary);
    }
}
