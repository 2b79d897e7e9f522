package dev.sonde.it;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two reflection views differ, readably: a summary (how many lines, in which classes), then
 * the first differing lines under the class and member they belong to (the nearest lines above that
 * start a class or a member). Empty when the views are equal.
 */
public final class ViewDiff {

    private static final int SHOWN = 12;
    private static final List<String> MEMBERS = List.of("  field: ", "  constructor: ", "  method: ", "  component: ");

    private ViewDiff() {
    }

    public static String between(String expectedName, List<String> expected, String actualName, List<String> actual) {
        StringBuilder shown = new StringBuilder();
        Set<String> classes = new LinkedHashSet<>();
        int differing = 0;
        String lastOwner = null;
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            if (expected.get(i).equals(actual.get(i))) {
                continue;
            }
            String[] owner = owner(expected, i);
            classes.add(simpleName(owner[0]));
            if (differing < SHOWN) {
                String ownerText = owner[0] + (owner[1] == null ? "" : "\n    " + owner[1].trim());
                if (!ownerText.equals(lastOwner)) {
                    shown.append("  ").append(ownerText).append('\n');
                    lastOwner = ownerText;
                }
                shown.append("      ").append(expectedName).append(": ").append(expected.get(i).trim()).append('\n')
                        .append("      ").append(actualName).append(": ").append(actual.get(i).trim()).append('\n');
            }
            differing++;
        }
        StringBuilder text = new StringBuilder();
        if (differing > 0) {
            text.append(differing).append(" differing lines in ").append(classes.size()).append(" classes ")
                    .append(classes).append('\n').append(shown);
            if (differing > SHOWN) {
                text.append("  ... and ").append(differing - SHOWN).append(" more\n");
            }
        }
        if (expected.size() != actual.size()) {
            text.append(expectedName).append(" has ").append(expected.size()).append(" lines, ").append(actualName)
                    .append(" has ").append(actual.size()).append(" (lines after the first difference may be shifted)\n");
        }
        return text.toString();
    }

    /** The class line and the member line (null if none) that line {@code index} belongs to. */
    private static String[] owner(List<String> lines, int index) {
        String member = null;
        for (int i = index; i >= 0; i--) {
            String line = lines.get(i);
            if (line.startsWith("class: ")) {
                return new String[] {line, member};
            }
            if (member == null && MEMBERS.stream().anyMatch(line::startsWith)) {
                member = line;
            }
        }
        return new String[] {"(no class)", member};
    }

    /** {@code a.b.Outer$Inner} of a class line such as {@code class: public final class a.b.Outer$Inner<T> ...}. */
    private static String simpleName(String classLine) {
        for (String word : classLine.split(" ")) {
            if (word.contains(".")) {
                String name = word.split("<")[0];
                return name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            }
        }
        return classLine;
    }
}
