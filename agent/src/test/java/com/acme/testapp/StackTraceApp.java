package com.acme.testapp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Prints the full stack traces of exceptions created in many places of its own methods: on a
 * method's first line, inside a loop, in a constructor before and after {@code super()}, in a
 * static initialiser, in a lambda, through a caught-and-wrapped cause and a suppressed exception,
 * and from a JDK method it calls. A test compares the output with and without sonde: line numbers,
 * frames and messages must be the same.
 */
public final class StackTraceApp {

    private StackTraceApp() {
    }

    public static void main(String[] args) {
        List<Runnable> places = List.of(
                StackTraceApp::firstLine,
                () -> inLoop(3),
                () -> new Part(-1),
                () -> new Part(new Part(2).size - 2),
                () -> Initialised.VALUE.getAsInt(),
                StackTraceApp::inLambda,
                StackTraceApp::wrapped,
                StackTraceApp::suppressed,
                () -> fromTheJdk("not a number"));
        for (Runnable place : places) {
            try {
                place.run();
                System.out.println("no exception");
            } catch (RuntimeException | Error e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                System.out.print(trace);
            }
        }
    }

    static void firstLine() {
        throw new IllegalStateException("first line");
    }

    static int inLoop(int limit) {
        int sum = 0;
        for (int i = 0; i <= limit; i++) {
            if (i == limit) {
                throw new IndexOutOfBoundsException("loop at " + i);
            }
            sum += i;
        }
        return sum;
    }

    static void inLambda() {
        IntSupplier supplier = () -> {
            throw new UnsupportedOperationException("lambda");
        };
        supplier.getAsInt();
    }

    static void wrapped() {
        try {
            firstLine();
        } catch (IllegalStateException e) {
            throw new RuntimeException("wrapped", e);
        }
    }

    static void suppressed() {
        RuntimeException main = new RuntimeException("main");
        main.addSuppressed(new IllegalArgumentException("suppressed"));
        throw main;
    }

    static int fromTheJdk(String text) {
        return Integer.parseInt(text);
    }

    static final class Part {

        final int size;

        Part(int size) {
            super();
            if (size < 0) {
                throw new IllegalArgumentException("negative size " + size);
            }
            this.size = check(size);
        }

        private static int check(int size) {
            if (size == 0) {
                throw new IllegalArgumentException("empty");
            }
            return size;
        }
    }

    static final class Initialised {

        static final IntSupplier VALUE;

        static {
            IntSupplier value;
            try {
                value = () -> inLoop(1);
                value.getAsInt();
            } catch (IndexOutOfBoundsException e) {
                final RuntimeException cause = e;
                value = () -> {
                    throw new IllegalStateException("from the static initialiser", cause);
                };
            }
            VALUE = value;
        }
    }
}
