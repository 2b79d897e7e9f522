package dev.sonde.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file a profile is written as; async-profiler writes each itself. */
public enum ProfileFormat {
    /** An interactive, self-contained HTML flame graph. */
    HTML("html", "flamegraph"),
    /** One line per stack with its sample count ({@code a;b;c 42}), for scripts and other tools. */
    COLLAPSED("collapsed", "collapsed"),
    /** A JFR recording, for JDK Mission Control or async-profiler's converters. */
    JFR("jfr", "jfr");

    private final String extension;
    private final String outputOption;

    ProfileFormat(String extension, String outputOption) {
        this.extension = extension;
        this.outputOption = outputOption;
    }

    public String extension() {
        return extension;
    }

    /** async-profiler's output option. */
    String outputOption() {
        return outputOption;
    }

    public static Optional<ProfileFormat> named(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst();
    }
}
