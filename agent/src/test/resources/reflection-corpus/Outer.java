package com.acme.reflection.corpus.variant;

import com.acme.reflection.Label;

import java.util.concurrent.Callable;

/** Inner, nested, local and anonymous classes, whose constructors take implicit and synthetic parameters. */
public class Outer {

    private final int base;

    public Outer(int base) {
        this.base = base;
    }

    public class Inner {
        private final String label;

        public Inner(@Label("label") String label) {
            this.label = label;
        }

        public long combine(long value, String... words) {
            return base + value + label.length() + words.length;
        }
    }

    public static class Nested<E extends Comparable<E>> {
        protected E best;

        public Nested<E> offer(E candidate) {
            if (best == null || candidate.compareTo(best) > 0) {
                best = candidate;
            }
            return this;
        }
    }

    public Callable<Long> anonymous(final long start) {
        return new Callable<Long>() {
            @Override
            public Long call() {
                return start + base;
            }
        };
    }

    public long local(int times) {
        class Counter {
            private long count;

            void add(long amount) {
                count += amount * base;
            }
        }
        Counter counter = new Counter();
        for (int i = 0; i < times; i++) {
            counter.add(i);
        }
        return counter.count;
    }
}
