package com.acme.reflection.corpus.variant;

import java.io.Serializable;

/**
 * Implements a generic interface: a bridge method for {@code name(Object)}. Serializable without a
 * {@code serialVersionUID}, so the JVM computes one from its members.
 */
public class PoliteGreeter implements Greeter<String>, Serializable {

    private final String title;

    public PoliteGreeter(String title) {
        this.title = title;
    }

    @Override
    public String name(String who) {
        return title + " " + who;
    }
}
