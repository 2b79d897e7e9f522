package dev.sonde.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Agent argument text ({@code include=A#m,out=/tmp/x}) handled as a whole, before it is loaded:
 * laying a later {@code attach}'s arguments over the running ones, and leaving keys out.
 */
public final class AgentArguments {

    private AgentArguments() {
    }

    /**
     * The arguments of a second {@code attach} laid over those sonde runs with: every key the
     * second one names replaces all of the first one's values for that key, every other key keeps
     * its value. {@code attach <pid> include=B} thus changes what is timed and keeps {@code out}. A
     * key of the running arguments that sonde does not know (a typo) is not kept.
     */
    public static String overlay(String running, String next) throws ConfigException {
        List<String> nextPairs = ListSplitter.split(nullToEmpty(next), ",");
        Set<String> replaced = new HashSet<>();
        for (String pair : nextPairs) {
            replaced.add(keyOf(pair));
        }
        List<String> merged = new ArrayList<>();
        for (String pair : ListSplitter.split(nullToEmpty(running), ",")) {
            // A key sonde does not know was warned about by the attach that gave it; carried on,
            // every later attach would warn about it again and every report would keep the warning.
            if (!replaced.contains(keyOf(pair)) && Key.named(keyOf(pair)).isPresent()) {
                merged.add(pair);
            }
        }
        merged.addAll(nextPairs);
        return String.join(",", merged);
    }

    /** The arguments without any pair for {@code key}. */
    public static String without(String arguments, Key key) throws ConfigException {
        List<String> kept = new ArrayList<>();
        for (String pair : ListSplitter.split(nullToEmpty(arguments), ",")) {
            if (!keyOf(pair).equals(key.keyName())) {
                kept.add(pair);
            }
        }
        return String.join(",", kept);
    }

    /** The key of a {@code key=value} pair; the whole text if it has no {@code =} (an error later). */
    private static String keyOf(String pair) {
        int equals = pair.indexOf('=');
        return (equals < 0 ? pair : pair.substring(0, equals)).trim();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
