package com.acme.reflection;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A declaration annotation of every kind of value, kept at run time, for the reflection corpus: what
 * reflection shows of it must not change when sonde retransforms the class that carries it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.CONSTRUCTOR,
        ElementType.RECORD_COMPONENT, ElementType.LOCAL_VARIABLE})
@Repeatable(Labels.class)
public @interface Label {
    String value();

    int order() default 0;

    Class<?> type() default Object.class;

    ElementType[] places() default {};
}
