package com.acme.reflection.corpus.variant;

import com.acme.reflection.Checked;
import com.acme.reflection.Label;

/** A record: components with declaration and type-use annotations, a compact and a second constructor. */
@Label(value = "point", order = 1)
public record Point(@Label("horizontal") int x, @Checked("vertical") int y) implements Comparable<Point>, Shape {

    public Point {
        if (x == Integer.MIN_VALUE || y == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("no room for " + x + ", " + y);
        }
    }

    public Point(@Label("both") int both) {
        this(both, both);
    }

    public long distance(final Point other) {
        long dx = (long) x - other.x;
        long dy = (long) y - other.y;
        return dx * dx + dy * dy;
    }

    public static <T extends Number & Comparable<? super T>> Point of(@Checked T first, T second) {
        return new Point(first.intValue(), second.intValue());
    }

    @Override
    public int compareTo(Point other) {
        return Long.compare(distance(new Point(0)), other.distance(new Point(0)));
    }

    @Override
    public double area() {
        return 0;
    }
}
