package com.acme.optional;

/**
 * Stands for a library the application compiles against but does not ship: the test application is
 * run with a class path that lacks this package.
 */
public class OptionalThing {

    public int size() {
        return 1;
    }
}
