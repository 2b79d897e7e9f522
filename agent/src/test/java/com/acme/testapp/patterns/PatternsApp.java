package com.acme.testapp.patterns;

/**
 * Calls the fixtures of this package a known number of times each (the tests assert these exact
 * counts): inner class and enum constructors, a varargs method, a nested class named like a proxy,
 * a hierarchy selected by an inherited annotation and by its top type.
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
    /** Calls of {@code perform} on each job, and of {@code verify} on the backup job. */
    public static final int JOB_CALLS = 20;

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
        // The subclass first: it loads before the classes it extends.
        Job[] jobs = {new BackupJob(), new NightlyJob(), new Job()};
        for (int i = 0; i < JOB_CALLS; i++) {
            for (Job job : jobs) {
                sink += job.perform();
            }
            sink += ((BackupJob) jobs[0]).verify();
        }
        System.out.println("patterns app done " + sink);
    }
}
