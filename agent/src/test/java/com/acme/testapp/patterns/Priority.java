package com.acme.testapp.patterns;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Methods no pattern may select: the bridge {@code compareTo(Object)} javac adds for
 * {@code Comparable<Priority>}, the synthetic {@code lambda$...} body of the lambda in
 * {@link #names} and the native {@link #rank()}.
 */
public class Priority implements Comparable<Priority> {

    private final int level;

    public Priority(int level) {
        this.level = level;
    }

    @Override
    public int compareTo(Priority other) {
        return Integer.compare(level, other.level);
    }

    public static List<String> names(List<Priority> priorities) {
        return priorities.stream().map(p -> "P" + p.level).collect(Collectors.toList());
    }

    public native int rank();
}
