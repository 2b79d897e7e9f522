package com.acme.testapp.patterns;

/**
 * Constructors (selected only by {@code #<init>}), a static initialiser (never), array and varargs
 * parameters, and nested classes whose constructors the compiler gives other parameters than the source.
 */
public class Order {

    static final long CREATED_AT;

    static {
        CREATED_AT = System.nanoTime();
    }

    private final long id;
    private final String note;

    public Order() {
        this(0L, "");
    }

    public Order(long id) {
        this(id, "");
    }

    public Order(long id, String note) {
        this.id = id;
        this.note = note;
    }

    public long total() {
        return id;
    }

    public int add(int[] amounts) {
        int sum = 0;
        for (int amount : amounts) {
            sum += amount;
        }
        return sum;
    }

    public String label(String[] parts) {
        return note + String.join("-", parts);
    }

    public String note(String... parts) {
        return note + String.join("", parts);
    }

    /** Inner (not static): javac adds the enclosing {@code Order} as the constructors' first parameter. */
    public class Tracker {
        private final String label;

        public Tracker() {
            this("");
        }

        public Tracker(String label) {
            this.label = label;
        }

        public String label() {
            return label + id;
        }
    }

    /** Static, with a constructor that takes an {@code Order} in the source: nothing is added. */
    public static class Copy {
        private final long id;

        public Copy(Order original) {
            this.id = original.id;
        }

        public long id() {
            return id;
        }
    }
}
