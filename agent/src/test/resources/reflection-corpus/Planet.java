package com.acme.reflection.corpus.variant;

import com.acme.reflection.Label;

/** An enum: constructor parameters behind the implicit name and ordinal, constant bodies (anonymous classes). */
public enum Planet {
    MERCURY(3.303e+23, 2.4397e6) {
        @Override
        String describe(String prefix) {
            return prefix + " the closest";
        }
    },
    EARTH(5.976e+24, 6.37814e6) {
        @Override
        String describe(String prefix) {
            return prefix + " ours";
        }
    },
    @Label("far") NEPTUNE(1.024e+26, 2.4746e7) {
        @Override
        String describe(String prefix) {
            return prefix + " the farthest";
        }
    };

    public static final double G = 6.67300E-11;

    private final double mass;
    private final double radius;

    Planet(@Label("kg") double mass, double radius) {
        this.mass = mass;
        this.radius = radius;
    }

    public double surfaceGravity(@Label("constant") double constant) {
        return constant * mass / (radius * radius);
    }

    abstract String describe(String prefix);
}
