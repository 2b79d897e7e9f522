package dev.sonde.report.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of text cells with a header and per-column alignment, rendered either as aligned plain
 * text for a terminal or as a GitHub-flavoured Markdown table. Cells are taken as given; the
 * Markdown rendering escapes only the {@code |} that would break a row.
 */
public final class Table {

    /** How a column's cells line up. */
    public enum Align { LEFT, RIGHT }

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a column; columns are added before rows. */
    public Table column(String header, Align align) {
        headers.add(header);
        aligns.add(align);
        return this;
    }

    /** Adds a row with one cell per column. */
    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Aligned plain text, each line starting with {@code indent}, columns two spaces apart, no trailing spaces. */
    public String toText(String indent) {
        int[] widths = widths();
        StringBuilder text = new StringBuilder();
        appendTextLine(text, indent, headers, widths);
        for (List<String> row : rows) {
            appendTextLine(text, indent, row, widths);
        }
        return text.toString();
    }

    /** Like {@link #toText} without the header line, for tables whose columns need no names. */
    public String rowsToText(String indent) {
        int[] widths = widths();
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            appendTextLine(text, indent, row, widths);
        }
        return text.toString();
    }

    /** A Markdown table. */
    public String toMarkdown() {
        StringBuilder text = new StringBuilder();
        appendMarkdownLine(text, headers);
        text.append('|');
        for (Align align : aligns) {
            text.append(align == Align.RIGHT ? " ---: |" : " --- |");
        }
        text.append('\n');
        for (List<String> row : rows) {
            appendMarkdownLine(text, row);
        }
        return text.toString();
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return widths;
    }

    private void appendTextLine(StringBuilder text, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(aligns.get(c) == Align.RIGHT ? padding + cell : cell + padding);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendMarkdownLine(StringBuilder text, List<String> cells) {
        text.append('|');
        for (String cell : cells) {
            text.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        text.append('\n');
    }
}
