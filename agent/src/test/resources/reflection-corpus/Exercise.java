package com.acme.reflection.corpus.variant;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongUnaryOperator;

/**
 * Calls each method the test counts exactly once per {@link #applyAsLong}, so that the classes are
 * really used while sonde times them, and the counts are exact.
 */
public class Exercise implements LongUnaryOperator {

    @Override
    public long applyAsLong(long seed) {
        try {
            return shapes(seed) + planets() + greetings() + nesting(seed) + generics() + annotations(seed)
                    + LargeFits.work(seed) + LargeAtLimit.work(seed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long shapes(long seed) {
        Point point = Point.of(3, (int) (seed & 7));
        Circle<String> circle = new Circle<>(point, 2, List.of("c"));
        return point.distance(new Point(1)) + (long) circle.area() + circle.tag("t", 1, 2).weights().length;
    }

    private static long planets() {
        return (long) Planet.EARTH.surfaceGravity(Planet.G) + Planet.MERCURY.describe("Mercury is").length();
    }

    private static long greetings() throws Exception {
        return new PoliteGreeter("Dr.").greet("Who", "!").length();
    }

    private static long nesting(long seed) throws Exception {
        Outer outer = new Outer(5);
        Callable<Long> anonymous = outer.anonymous(seed);
        return outer.new Inner("in").combine(seed, "a", "b") + anonymous.call() + outer.local(1);
    }

    private static long generics() throws Exception {
        Box<String> box = new Box<>();
        box.add("one");
        return box.map(String::length, RuntimeException.class).size();
    }

    private static long annotations(long seed) throws Exception {
        return new Annotated().annotate((int) seed, "Smith", List.of(1)).length();
    }
}
