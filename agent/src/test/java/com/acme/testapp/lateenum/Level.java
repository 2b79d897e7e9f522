package com.acme.testapp.lateenum;

/**
 * An enum whose static initialiser reads a setting the application makes only once it has started:
 * initialised earlier, it fails, and the enum stays unusable for the JVM's life.
 */
public enum Level {
    LOW, HIGH;

    static final int LIMIT;

    static {
        String limit = System.getProperty("lateenum.limit");
        if (limit == null) {
            throw new IllegalStateException("Level initialised before the application set lateenum.limit, on thread "
                    + Thread.currentThread().getName());
        }
        LIMIT = Integer.parseInt(limit);
    }
}
