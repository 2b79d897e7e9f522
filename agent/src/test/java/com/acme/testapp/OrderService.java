package com.acme.testapp;

/** Methods of every shape the agent must time: static, instance, synchronized, recursive, throwing, overloaded. */
public class OrderService {

    private int placed;

    public OrderService() {
    }

    public int place(long id) {
        return ++placed;
    }

    public int place(long id, String note) {
        return placed += 2;
    }

    public static long checksum(int n) {
        return n * 31L;
    }

    public synchronized int count() {
        return placed;
    }

    public long factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    public void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    public void fail(int i) {
        throw new IllegalStateException("failure " + i);
    }

    @Timed
    public int annotated() {
        return 7;
    }
}
