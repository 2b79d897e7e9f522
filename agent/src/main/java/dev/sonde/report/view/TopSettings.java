package dev.sonde.report.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the {@code top} view shows of a window: the order, its direction, one kind of operation or
 * all, a name filter, and how far the list is scrolled. Immutable: each key press gives new settings.
 */
public final class TopSettings {

    /** The orders {@code s} cycles through, in this order. */
    public static final List<OperationOrder> ORDERS = List.of(OperationOrder.P99, OperationOrder.TOTAL,
            OperationOrder.SELF, OperationOrder.ALLOC, OperationOrder.ERRORS, OperationOrder.COUNT);

    /** The kind that shows every operation. */
    public static final String ALL_KINDS = "all";

    private final OperationOrder order;
    private final boolean reversed;
    private final String kind;
    private final String filter;
    private final int scroll;

    private TopSettings(OperationOrder order, boolean reversed, String kind, String filter, int scroll) {
        this.order = order;
        this.reversed = reversed;
        this.kind = kind;
        this.filter = filter;
        this.scroll = scroll;
    }

    /** Every operation, highest {@code order} first. */
    public static TopSettings sortedBy(OperationOrder order) {
        return new TopSettings(order, false, ALL_KINDS, "", 0);
    }

    /** The order named {@code key} if {@code top} sorts by it. */
    public static Optional<OperationOrder> order(String key) {
        return OperationOrder.named(key).filter(ORDERS::contains);
    }

    /** For usage texts: {@code p99|total|...}. */
    public static String orderKeys() {
        return ORDERS.stream().map(OperationOrder::key).collect(Collectors.joining("|"));
    }

    public TopSettings nextOrder() {
        return new TopSettings(ORDERS.get((ORDERS.indexOf(order) + 1) % ORDERS.size()), reversed, kind, filter, 0);
    }

    public TopSettings reverse() {
        return new TopSettings(order, !reversed, kind, filter, 0);
    }

    /** The next of {@code all} and the kinds the window has, in that order. */
    public TopSettings nextKind(List<String> kindsPresent) {
        List<String> kinds = new ArrayList<>();
        kinds.add(ALL_KINDS);
        kindsPresent.stream().sorted().forEach(kinds::add);
        int at = kinds.indexOf(kind);
        return new TopSettings(order, reversed, kinds.get((at + 1) % kinds.size()), filter, 0);
    }

    /** Only operations whose name contains {@code text} (any case); empty shows all. */
    public TopSettings filter(String text) {
        return new TopSettings(order, reversed, kind, text, 0);
    }

    /** Scrolled by {@code rows} (negative: up), never above the first row. */
    public TopSettings scrollBy(int rows) {
        return new TopSettings(order, reversed, kind, filter, Math.max(0, scroll + rows));
    }

    /** Scrolled so that row {@code first} (from 0) is the first shown. */
    public TopSettings scrolledTo(int first) {
        return new TopSettings(order, reversed, kind, filter, Math.max(0, first));
    }

    public OperationOrder order() {
        return order;
    }

    public boolean reversed() {
        return reversed;
    }

    public String kind() {
        return kind;
    }

    public String filter() {
        return filter;
    }

    public int scroll() {
        return scroll;
    }

    /** Whether an operation of {@code operationKind} named {@code name} is shown. */
    boolean shows(String operationKind, String name) {
        boolean kindShown = kind.equals(ALL_KINDS) || kind.equals(operationKind);
        return kindShown && name.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
    }
}
