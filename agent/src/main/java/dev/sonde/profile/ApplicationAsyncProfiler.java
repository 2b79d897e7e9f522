package dev.sonde.profile;

import java.net.URL;
import java.util.Optional;

/**
 * An async-profiler the application ships on its class path (ap-loader, or async-profiler's own
 * jar). sonde never uses it: its own copy is loaded apart (see {@code AgentClassLoader}), so the two
 * keep one session each. Said once, because two profilers in one JVM is worth knowing: two
 * {@code itimer} sessions at once share the one {@code SIGPROF} signal and the later one gets the
 * samples; {@code cpu} (perf events) sessions do not interfere.
 */
final class ApplicationAsyncProfiler {

    private static final String CLASS_FILE = "one/profiler/AsyncProfiler.class";

    private ApplicationAsyncProfiler() {
    }

    /** Where the application's copy comes from (a jar's file name), if it has one. */
    static Optional<String> find() {
        URL url = ClassLoader.getSystemClassLoader().getResource(CLASS_FILE);
        if (url == null) {
            return Optional.empty();
        }
        String text = url.toString();
        int end = text.indexOf("!/");
        String location = end > 0 ? text.substring(0, end) : text;
        return Optional.of(location.substring(location.lastIndexOf('/') + 1));
    }
}
