package com.acme.testapp.patterns;

/** Constructors (selected only by {@code #<init>}), a static initialiser (never) and array parameters. */
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
}
