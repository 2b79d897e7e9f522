package com.acme.loading;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Annotated classes for the tests of what an include by annotation may select: outside sonde's own
 * packages, which its transformer front never hands to Byte Buddy.
 */
public final class Annotated {

    private Annotated() {
    }

    @Retention(RetentionPolicy.RUNTIME)
    public @interface Marker {
    }

    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    public @interface InheritedMarker {
    }

    @Marker
    public static class Marked {
        void run() {
        }
    }

    public static class ExtendsMarked extends Marked {
        @Override
        void run() {
        }
    }

    @InheritedMarker
    public static class MarkedForSubclasses {
        void run() {
        }
    }

    public static class ExtendsMarkedForSubclasses extends MarkedForSubclasses {
        @Override
        void run() {
        }
    }

    public static class MarkedMethod {
        @Marker
        void run() {
        }

        void walk() {
        }
    }
}
