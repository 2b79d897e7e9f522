package dev.sonde.record;

/** A registered operation: its name, kind and the totals its calls are handed to. */
final class Operation {

    final int id;
    final String name;
    final OperationKind kind;
    /** For HTTP operations: the method and route template; null for methods. */
    final String httpMethod;
    final String route;
    final StripedTotals totals = new StripedTotals();

    Operation(int id, String name, OperationKind kind, String httpMethod, String route) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.httpMethod = httpMethod;
        this.route = route;
    }
}
