package dev.sonde.profile;

import one.convert.Arguments;
import one.convert.JfrToFlame;
import one.jfr.JfrReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A profile's flame graph made from the JFR recording of a session that also took wall-clock
 * samples for slices: only the profiled event's samples are kept, so the graph is the one a plain
 * session would have written. Also the {@code convert} command's converter, for a recording that
 * was listed instead of its graph.
 */
public final class RecordedProfile {

    private RecordedProfile() {
    }

    /** Writes {@code file} (atomically) from {@code recording}'s samples of {@code event}. */
    public static void convert(Path recording, ProfileEvent event, ProfileFormat format, Path file) throws IOException {
        Arguments args = new Arguments(eventOption(event));
        if (format == ProfileFormat.COLLAPSED) {
            args.output = "collapsed";
        }
        try (JfrReader jfr = new JfrReader(recording.toString())) {
            JfrToFlame converter = new JfrToFlame(jfr, args);
            converter.convert();
            GraphFile.write(file, converter::dump);
        }
    }

    /** The converter's option that keeps one event's samples (CPU ones carry the default thread state). */
    static String eventOption(ProfileEvent event) {
        switch (event) {
            case WALL:
                return "--wall";
            case ALLOC:
                return "--alloc";
            case LOCK:
                return "--lock";
            default:
                return "--cpu";
        }
    }
}
