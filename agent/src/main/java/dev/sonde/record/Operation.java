package dev.sonde.record;

/** A registered operation: its name, kind and the totals its calls are handed to. */
final class Operation {

    final int id;
    final String name;
    final OperationKind kind;
    final OperationTotals totals = new OperationTotals();

    Operation(int id, String name, OperationKind kind) {
        this.id = id;
        this.name = name;
        this.kind = kind;
    }
}
