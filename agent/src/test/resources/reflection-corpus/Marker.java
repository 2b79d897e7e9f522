package com.acme.reflection.corpus.variant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An annotation type of the corpus itself: its elements' defaults live in AnnotationDefault attributes. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Marker {
    String name() default "unnamed";

    long[] sizes() default {1, 2, 3};

    Planet planet() default Planet.EARTH;

    Class<? extends Number> kind() default Integer.class;
}
