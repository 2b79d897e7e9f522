package com.acme.testapp.patterns;

/** Holds a nested class, whose binary name is {@code com.acme.testapp.patterns.Outer$Inner}. */
public class Outer {

    public int outerValue() {
        return 1;
    }

    /** Nested: named {@code Outer$Inner} in patterns. */
    public static class Inner {
        public int innerValue() {
            return 2;
        }
    }
}
