package com.acme.reflection.corpus.variant;

import java.util.List;

/** A generic record with a varargs canonical constructor's worth of components and a nested record. */
public record Circle<C extends CharSequence>(Point centre, double radius, List<? extends C> names) implements Shape {

    public record Tag(String text, int... weights) {
    }

    @Override
    public double area() {
        return Math.PI * radius * radius;
    }

    public Tag tag(String text, int... weights) {
        return new Tag(text + names.size(), weights);
    }
}
