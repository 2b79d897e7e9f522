package dev.sonde.report.view;

import dev.sonde.report.OperationReport;
import dev.sonde.report.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One frame of {@code top}: header lines about the JVM, a line about the window and the settings,
 * the operations of the last window as a {@link Table} (calls/s, errors, p50, p99, max, total, self,
 * alloc/call, name), and footer lines. Fitted to a terminal when given its size: rows beyond the
 * height are scrolled to, and long names are shortened from the left, so the method stays.
 */
public final class TopFrame {

    /** Marks the start of a name shortened from the left. */
    static final String SHORTENED = "..";

    private final List<String> header;
    private final Report window;
    private final TopSettings settings;
    private final List<String> footer;

    /** @param window the last window's operations; null while the first window is still being collected */
    public TopFrame(List<String> header, Report window, TopSettings settings, List<String> footer) {
        this.header = header;
        this.window = window;
        this.settings = settings;
        this.footer = footer;
    }

    /** The same window shown with other settings (after a key press). */
    public TopFrame with(TopSettings newSettings) {
        return new TopFrame(header, window, newSettings, footer);
    }

    /**
     * The same window scrolled by {@code rows} (negative: up) in a terminal {@code height} rows high,
     * no further than the last row at the bottom: the first key back up moves the rows at once.
     */
    public TopFrame scrolledBy(int rows, int height) {
        int lastFirst = window == null ? 0 : Math.max(0, shownOperations().size() - room(height));
        int first = Math.min(settings.scroll(), lastFirst);
        return with(settings.scrolledTo(Math.max(0, Math.min(lastFirst, first + rows))));
    }

    public TopSettings settings() {
        return settings;
    }

    /** All of it, for output that is not a terminal ({@code --once}, a pipe). */
    public List<String> lines() {
        return fitted(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** What fits in a terminal of {@code width} columns and {@code height} rows. */
    public List<String> fitted(int width, int height) {
        List<String> lines = new ArrayList<>(header);
        if (window == null) {
            lines.add("collecting the first window...");
            lines.addAll(footer);
            return cut(lines, width, height);
        }
        List<OperationReport> shown = shownOperations();
        int room = room(height);
        int first = Math.max(0, Math.min(settings.scroll(), shown.size() - room));
        List<OperationReport> visible = shown.subList(first, (int) Math.min(shown.size(), (long) first + room));
        lines.add(describeWindow(shown.size(), first, visible.size()));
        lines.add("");
        if (shown.isEmpty()) {
            lines.add("No call completed in this window" + (window.operations.isEmpty() ? "." : " that the kind and filter show."));
        } else {
            lines.addAll(tableLines(visible, width));
        }
        lines.addAll(footer);
        return cut(lines, width, height);
    }

    /** How many operation rows a terminal {@code height} rows high shows. */
    private int room(int height) {
        return Math.max(1, height == Integer.MAX_VALUE ? Integer.MAX_VALUE : height - header.size() - footer.size() - 3);
    }

    /** The kinds of operation the window has, for the {@code k} key. */
    public List<String> kinds() {
        if (window == null) {
            return List.of();
        }
        return window.operations.stream().map(o -> o.kind).filter(Objects::nonNull).distinct().sorted()
                .collect(Collectors.toList());
    }

    private List<OperationReport> shownOperations() {
        Comparator<OperationReport> order = settings.order().comparator();
        return window.operations.stream()
                .filter(o -> settings.shows(o.kind, o.name))
                .sorted(settings.reversed() ? order.reversed() : order)
                .collect(Collectors.toList());
    }

    private String describeWindow(int shown, int first, int visible) {
        StringBuilder text = new StringBuilder("last " + HumanUnits.duration((long) (window.window.seconds * 1e9)));
        text.append(" · ").append(shown).append(" of ").append(window.operations.size()).append(" operations");
        if (visible < shown) {
            text.append(" (").append(first + 1).append('-').append(first + visible).append(" shown)");
        }
        text.append(" · by ").append(settings.order().description())
                .append(settings.reversed() ? ", lowest first" : ", highest first");
        text.append(" · kind ").append(settings.kind());
        if (!settings.filter().isEmpty()) {
            text.append(" · filter \"").append(settings.filter()).append('"');
        }
        return text.toString();
    }

    private List<String> tableLines(List<OperationReport> operations, int width) {
        boolean self = window.operations.stream().anyMatch(o -> o.selfNs != null);
        boolean allocation = window.operations.stream().anyMatch(o -> o.allocBytes != null);
        Table table = new Table();
        for (String figure : List.of("calls/s", "errors", "p50", "p99", "max", "total")) {
            table.column(figure, Table.Align.RIGHT);
        }
        if (self) {
            table.column("self", Table.Align.RIGHT);
        }
        if (allocation) {
            table.column("alloc/call", Table.Align.RIGHT);
        }
        table.column("operation", Table.Align.LEFT);
        for (OperationReport operation : operations) {
            table.row(cells(operation, self, allocation).toArray(new String[0]));
        }
        List<String> lines = List.of(table.toText("").split("\n"));
        int nameStart = lines.get(0).indexOf("operation");
        return lines.stream().map(line -> shortenName(line, nameStart, width)).collect(Collectors.toList());
    }

    private static List<String> cells(OperationReport operation, boolean self, boolean allocation) {
        List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "%.1f", operation.throughputPerSec),
                String.valueOf(operation.errors), HumanUnits.duration(operation.latencyNs.p50),
                HumanUnits.duration(operation.latencyNs.p99), HumanUnits.duration(operation.latencyNs.max),
                HumanUnits.duration(operation.latencyNs.total)));
        if (self) {
            cells.add(operation.selfNs == null ? "-" : HumanUnits.duration(operation.selfNs.total));
        }
        if (allocation) {
            cells.add(operation.allocBytes == null ? "-" : HumanUnits.bytes(operation.allocBytes.mean));
        }
        cells.add(operation.name);
        return cells;
    }

    /** The row with its name (the last column, from {@code nameStart}) shortened to fit {@code width}. */
    private static String shortenName(String line, int nameStart, int width) {
        if (line.length() <= width || nameStart < 0 || nameStart >= line.length()) {
            return line;
        }
        return line.substring(0, nameStart) + shortenFromLeft(line.substring(nameStart), width - nameStart);
    }

    /**
     * {@code name} in at most {@code room} characters, cut from the left, where packages are, so the
     * class and method stay: {@code ..PricingService#computePrice}.
     */
    public static String shortenFromLeft(String name, int room) {
        if (name.length() <= room) {
            return name;
        }
        if (room <= SHORTENED.length()) {
            return name.substring(name.length() - Math.max(0, room));
        }
        String tail = name.substring(name.length() - (room - SHORTENED.length()));
        int boundary = tail.indexOf('.');
        boolean cutAtPackage = boundary >= 0 && boundary < tail.length() - 1 && tail.indexOf('#') > boundary;
        return SHORTENED + (cutAtPackage ? tail.substring(boundary + 1) : tail);
    }

    private static List<String> cut(List<String> lines, int width, int height) {
        return lines.stream().limit(height).map(line -> line.length() > width ? line.substring(0, width) : line)
                .collect(Collectors.toList());
    }
}
