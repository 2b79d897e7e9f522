package dev.sonde.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Turns an unknown key into a warning that names the key the user most likely meant. */
final class NearestKey {

    private static final int MAX_TYPOS = 3;

    private NearestKey() {
    }

    static String warningFor(String unknown, String source) {
        Key nearest = Arrays.stream(Key.values())
                .min(Comparator.comparingInt(k -> distance(unknown, k.keyName())))
                .orElseThrow();
        String where = "unknown key '" + unknown + "' in " + source + " ignored";
        if (distance(unknown, nearest.keyName()) <= MAX_TYPOS) {
            return where + "; did you mean '" + nearest.keyName() + "'?";
        }
        return where + "; valid keys: "
                + Arrays.stream(Key.values()).map(Key::keyName).collect(Collectors.joining(", "));
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
