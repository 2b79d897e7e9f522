package com.acme.reflection.corpus.variant;

/** Implements a generic interface: a bridge method for {@code name(Object)}. */
public class PoliteGreeter implements Greeter<String> {

    private final String title;

    public PoliteGreeter(String title) {
        this.title = title;
    }

    @Override
    public String name(String who) {
        return title + " " + who;
    }
}
