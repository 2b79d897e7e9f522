package com.acme.testapp.patterns;

/** A subclass of {@link Task}: selected by {@code +com.acme.testapp.patterns.Task}. */
public class PrintTask extends Task {

    @Override
    public int run() {
        return 1;
    }

    public void print() {
        System.out.print("");
    }
}
