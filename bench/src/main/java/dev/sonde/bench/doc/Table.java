package dev.sonde.bench.doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of text cells with a header row; writers lay it out for their format. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size()
                    + " columns: " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
