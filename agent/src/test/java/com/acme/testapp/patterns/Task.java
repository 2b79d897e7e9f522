package com.acme.testapp.patterns;

/** An abstract class: its abstract method is never selected, its concrete one is. */
public abstract class Task {

    public abstract int run();

    public String describe() {
        return getClass().getSimpleName();
    }
}
