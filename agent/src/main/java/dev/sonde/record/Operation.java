package dev.sonde.record;

/** A registered operation: its name, kind and the totals its calls are handed to. */
final class Operation {

    final int id;
    final String name;
    final OperationKind kind;
    /** For HTTP operations (served or called): the method and route template; null for methods. */
    final String httpMethod;
    final String route;
    /** For outbound HTTP calls: the server called, {@code host:port}; else null. */
    final String host;
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
        this.host = null;
        this.sqlText = null;
        this.sqlSummary = null;
    }

    private Operation(int id, String name, String httpMethod, String host, String route) {
        this.id = id;
        this.name = name;
        this.kind = OperationKind.HTTP_CLIENT;
        this.httpMethod = httpMethod;
        this.route = route;
        this.host = host;
        this.sqlText = null;
        this.sqlSummary = null;
    }

    private Operation(int id, String name, String sqlText, String sqlSummary) {
        this.id = id;
        this.name = name;
        this.kind = OperationKind.SQL;
        this.httpMethod = null;
        this.route = null;
        this.host = null;
        this.sqlText = sqlText;
        this.sqlSummary = sqlSummary;
    }

    static Operation clientCall(int id, String name, String method, String host, String route) {
        return new Operation(id, name, method, host, route);
    }

    static Operation sql(int id, String name, String text, String summary) {
        return new Operation(id, name, text, summary);
    }
}
