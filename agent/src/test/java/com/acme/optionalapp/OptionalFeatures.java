package com.acme.optionalapp;

import com.acme.optional.OptionalMarker;
import com.acme.optional.OptionalThing;

import java.util.List;

/**
 * A class written the way libraries support an optional dependency: it names the library's types in
 * a field, in signatures and in annotations, and only touches them after checking the library is
 * there. Without the library the JVM loads and runs it, as long as no code path needs those types.
 */
@Feature
@OptionalMarker
public class OptionalFeatures {

    private OptionalThing thing;

    public int compute(int value) {
        return value * 3 + 1;
    }

    /** Frameworks probe for the library like this ({@code ClassUtils.isPresent}). */
    public boolean libraryPresent() {
        try {
            return new OptionalThing().size() > 0;
        } catch (NoClassDefFoundError missing) {
            return false;
        }
    }

    /** Takes the library's type: callable with null without the library. */
    public int useOptional(OptionalThing given) {
        return given == null ? 0 : given.size();
    }

    public OptionalThing current() {
        return thing;
    }

    public int sizes(List<? extends OptionalThing> things) {
        return things.size();
    }

    @OptionalMarker
    public String describe() {
        return "features";
    }
}
