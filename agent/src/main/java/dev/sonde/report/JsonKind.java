package dev.sonde.report;

import java.util.Collection;

/**
 * What a report field should hold, in JSON's words ({@code a list}, {@code a whole number}), for
 * a message about a field of the wrong type: the user wrote JSON, not {@code java.util.ArrayList}.
 */
final class JsonKind {

    private JsonKind() {
    }

    /** {@code a list}, {@code a number}, ...: the JSON kind that binds to {@code type}. */
    static String of(Class<?> type) {
        if (type == null) {
            return "of the expected type";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
