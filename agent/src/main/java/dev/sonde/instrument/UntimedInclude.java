package dev.sonde.instrument;

import java.util.List;

/**
 * An include pattern that timed no method. Either it matched none (a typo, or its classes were
 * never loaded), or every method it matched is removed by an exclude: that is no typo, and saying
 * "check the names" would send the user looking in the wrong place.
 */
public final class UntimedInclude {

    private final String pattern;
    /** The excludes that removed what the include matched; empty if it matched nothing. */
    private final List<String> removedBy;

    UntimedInclude(String pattern, List<String> removedBy) {
        this.pattern = pattern;
        this.removedBy = List.copyOf(removedBy);
    }

    /** One line for the final report's warnings. */
    public String warning() {
        if (removedBy.isEmpty()) {
            return "include pattern " + pattern + " matched no method of any class loaded while sonde ran";
        }
        return "include pattern " + pattern + " timed nothing: every method it matched is removed by exclude "
                + String.join(", ", removedBy);
    }

    /** What to do about it, said after the warning on stderr. */
    public String hint() {
        return removedBy.isEmpty()
                ? "check the package, class and method names (docs/configuration.md#method-patterns)"
                : "narrow the exclude to time them";
    }

    @Override
    public String toString() {
        return warning();
    }
}
