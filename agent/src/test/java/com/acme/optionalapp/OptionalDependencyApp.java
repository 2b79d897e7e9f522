package com.acme.optionalapp;

/**
 * Runs {@link OptionalFeatures} without its optional library on the class path, calling each method
 * that can run without it a known number of times.
 */
public final class OptionalDependencyApp {

    public static final int COMPUTE_CALLS = 300;
    public static final int PROBE_CALLS = 20;
    public static final int USE_CALLS = 40;
    public static final int CURRENT_CALLS = 15;
    public static final int SIZES_CALLS = 25;
    public static final int DESCRIBE_CALLS = 10;
    public static final int SPECIAL_CALLS = 35;

    private OptionalDependencyApp() {
    }

    public static void main(String[] args) {
        OptionalFeatures features = new OptionalFeatures();
        long sum = 0;
        for (int i = 0; i < COMPUTE_CALLS; i++) {
            sum += features.compute(i);
        }
        int present = 0;
        for (int i = 0; i < PROBE_CALLS; i++) {
            present += features.libraryPresent() ? 1 : 0;
        }
        for (int i = 0; i < USE_CALLS; i++) {
            sum += features.useOptional(null);
        }
        for (int i = 0; i < CURRENT_CALLS; i++) {
            sum += features.current() == null ? 0 : 1;
        }
        for (int i = 0; i < SIZES_CALLS; i++) {
            sum += features.sizes(java.util.List.of());
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < DESCRIBE_CALLS; i++) {
            names.setLength(0);
            names.append(features.describe());
        }
        SpecialFeatures special = new SpecialFeatures();
        for (int i = 0; i < SPECIAL_CALLS; i++) {
            sum += special.special(i);
        }
        System.out.println("sum " + sum + ", library present " + present + " of " + PROBE_CALLS + ", " + names);
    }
}
