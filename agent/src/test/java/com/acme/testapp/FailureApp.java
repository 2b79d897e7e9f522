package com.acme.testapp;

import java.io.IOException;
import java.util.Arrays;

/**
 * Throws every kind of throwable through timed methods and checks, in the application itself, that
 * each arrives unchanged: the same object, with its original stack trace. Prints one line per check
 * and exits 0 only if all held.
 */
public final class FailureApp {

    public static final int ROUNDS = 10;

    private FailureApp() {
    }

    public static void main(String[] args) {
        boolean allHeld = true;
        for (int i = 0; i < ROUNDS; i++) {
            allHeld &= arrivesUnchanged(new IOException("checked " + i));
            allHeld &= arrivesUnchanged(new IllegalArgumentException("unchecked " + i));
            allHeld &= arrivesUnchanged(new AssertionError("error " + i));
            allHeld &= arrivesUnchanged(new OutOfMemoryError("simulated " + i));
        }
        allHeld &= deepRecursionOverflows();
        System.out.println(allHeld ? "all throwables arrived unchanged" : "A THROWABLE WAS CHANGED");
        System.exit(allHeld ? 0 : 3);
    }

    private static boolean arrivesUnchanged(Throwable thrown) {
        StackTraceElement[] before = thrown.getStackTrace();
        try {
            rethrow(thrown);
            return false;
        } catch (Throwable caught) {
            return caught == thrown && Arrays.equals(before, caught.getStackTrace())
                    && caught.getSuppressed().length == 0 && caught.getCause() == null;
        }
    }

    public static void rethrow(Throwable thrown) throws Throwable {
        throw thrown;
    }

    /** A StackOverflowError through thousands of timed frames still unwinds to the caller. */
    private static boolean deepRecursionOverflows() {
        try {
            descend(0);
            return false;
        } catch (StackOverflowError expected) {
            return true;
        }
    }

    public static int descend(int depth) {
        return descend(depth + 1) + 1;
    }
}
