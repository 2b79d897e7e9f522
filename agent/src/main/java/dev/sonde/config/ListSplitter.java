package dev.sonde.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits configuration text on separators that stand outside parentheses, so that the commas of a
 * parameter list ({@code Service#place(long,java.lang.String)}) stay inside their pattern.
 */
final class ListSplitter {

    private ListSplitter() {
    }

    /** Splits on any of {@code separators} at parenthesis depth 0; trims; drops empty parts. */
    static List<String> split(String text, String separators) throws ConfigException {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new ConfigException("unbalanced ')' in '" + text + "'");
                }
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                add(parts, text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new ConfigException("unbalanced '(' in '" + text + "'");
        }
        add(parts, text.substring(start));
        return parts;
    }

    private static void add(List<String> parts, String part) {
        String trimmed = part.trim();
        if (!trimmed.isEmpty()) {
            parts.add(trimmed);
        }
    }
}
