package com.acme.testapp.patterns;

/**
 * Calls the fixtures of this package a known number of times each (the tests assert these exact
 * counts): inner class and enum constructors, a varargs method, a nested class named like a proxy.
 */
public final class PatternsApp {

    public static final int TRACKERS = 30;
    public static final int NOTES = 40;
    public static final int PROXY_SETTINGS = 50;
    /**
     * {@code Op(String)} runs for PLUS, for MINUS (from its body's constructor) and for TIMES (through
     * {@code this("*")} in {@code Op()}), once each when the enum initialises.
     */
    public static final int OP_SYMBOL_CONSTRUCTIONS = 3;

    private PatternsApp() {
    }

    public static void main(String[] args) {
        Order order = new Order(7L, "n");
        long sink = 0;
        for (int i = 0; i < TRACKERS; i++) {
            sink += order.new Tracker("t").label().length();
        }
        for (int i = 0; i < NOTES; i++) {
            sink += order.note("a", "b").length();
        }
        for (int i = 0; i < PROXY_SETTINGS; i++) {
            sink += new Client.ProxySettings().host().length();
        }
        for (Op op : Op.values()) {
            sink += op.apply(2, 3);
        }
        sink += order.total();
        System.out.println("patterns app done " + sink);
    }
}
