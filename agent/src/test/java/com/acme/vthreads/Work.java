package com.acme.vthreads;

/** A call that allocates, parks, and allocates again: on a virtual thread it may resume on another carrier. */
public final class Work {

    public static final int CHUNK_BYTES = 64 * 1024;
    /** Keeps each allocation reachable, so that the JIT cannot remove it. */
    public static volatile byte[] kept;

    private Work() {
    }

    public static String onPlatformThread(int id) throws InterruptedException {
        return allocateParkAllocate(id);
    }

    public static String onVirtualThread(int id) throws InterruptedException {
        return allocateParkAllocate(id);
    }

    /** The carrier before and after the pause ("same" or "moved"), read from the thread's text. */
    private static String allocateParkAllocate(int id) throws InterruptedException {
        kept = new byte[CHUNK_BYTES];
        String before = carrier();
        Thread.sleep(2);
        kept = new byte[CHUNK_BYTES];
        return before.equals(carrier()) ? "same" : "moved";
    }

    /** A virtual thread prints as {@code VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1}. */
    private static String carrier() {
        String text = Thread.currentThread().toString();
        int at = text.indexOf('@');
        return at < 0 ? text : text.substring(at + 1);
    }
}
