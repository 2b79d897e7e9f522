package com.acme.testapp;

/**
 * Calls one small method so often that the JIT's optimizing compiler (C2) compiles it with the
 * advice woven into it: {@link #CHAINS} chains of {@link #DEPTH} nested calls of {@link #descend}.
 */
public final class HotLoopApp {

    public static final int CHAINS = 2_000_000;
    public static final int DEPTH = 5;

    private HotLoopApp() {
    }

    public static void main(String[] args) {
        long sum = 0;
        for (int i = 0; i < CHAINS; i++) {
            sum += descend(DEPTH);
        }
        System.out.println("sum " + sum);
    }

    static int descend(int depth) {
        return depth <= 1 ? 1 : 1 + descend(depth - 1);
    }
}
