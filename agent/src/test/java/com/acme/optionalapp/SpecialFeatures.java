package com.acme.optionalapp;

/** A subclass: it carries {@link Feature} only through its superclass, which also carries the missing library's annotation. */
public class SpecialFeatures extends OptionalFeatures {

    public int special(int value) {
        return compute(value) + 1;
    }
}
