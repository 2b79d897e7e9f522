package dev.sonde.profile;

import dev.sonde.bootstrap.Log;
import dev.sonde.bootstrap.NativeProfilerHandle;
import dev.sonde.report.AtomicMove;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * async-profiler in this JVM, loaded once from ap-loader's bundled native library: by the first
 * sonde that profiles, and borrowed from it by every sonde attached after a detach
 * ({@link NativeProfilerHandle}).
 *
 * <p>One profiling session at a time (async-profiler's own rule): {@link #start} while a session runs
 * is refused, not queued. Where {@code cpu} (perf events) is not permitted, sessions fall back to
 * {@code itimer}, said once. All methods are synchronized; {@link #record} blocks for the duration.
 */
public final class Profiler {

    /** The wall-clock sampling interval of sessions that make slices: 100 samples per second of a call. */
    private static final String SLICE_SAMPLING = "10ms";
    /** How long converting a recording for slices may take when nothing asks for less. */
    private static final Duration CONVERSION_LIMIT = Duration.ofMinutes(5);

    private static Profiler instance;
    private static String unavailable;

    /** async-profiler's {@code execute}: this sonde's copy, or the one an earlier sonde of this JVM loaded. */
    private final UnaryOperator<String> commands;
    private boolean cpuFallsBackToItimer;
    private Session running;

    private Profiler(UnaryOperator<String> commands) {
        this.commands = commands;
    }

    /** The JVM's profiler, loading the native library on first use (or borrowing an earlier sonde's). */
    public static synchronized Profiler get() throws ProfilerUnavailableException {
        if (instance != null) {
            return instance;
        }
        if (unavailable != null) {
            throw new ProfilerUnavailableException(unavailable);
        }
        UnaryOperator<String> loadedBefore = loadedByAnEarlierSonde();
        if (loadedBefore != null) {
            instance = new Profiler(loadedBefore);
            return instance;
        }
        try {
            instance = new Profiler(commandsOf(load()));
            keepForLaterSondes(instance.commands);
            ApplicationAsyncProfiler.find().ifPresent(jar -> Log.info("the application has its own async-profiler ("
                    + jar + "); sonde profiles with its own copy, apart from it"));
            return instance;
        } catch (Exception | Error e) {
            unavailable = alreadyLoadedElsewhere(e)
                    ? "async-profiler is already loaded in this JVM by another class loader (the application's"
                        + " own, or an earlier sonde); sonde does not take it over"
                    : "async-profiler cannot run here: " + describeWithCause(e);
        }
        throw new ProfilerUnavailableException(unavailable);
    }

    private static AsyncProfiler load() throws IOException {
        if (!AsyncProfilerLoader.isSupported()) {
            throw new IllegalStateException("async-profiler does not support "
                    + System.getProperty("os.name") + "-" + System.getProperty("os.arch"));
        }
        // A directory of sonde's own: an application's ap-loader of the same async-profiler
        // version extracts to the same file, and a native library file is loaded by one class
        // loader only ("already loaded in another classloader"): whoever came second failed.
        AsyncProfilerLoader.setExtractionDirectory(AsyncProfilerLoader.getExtractionDirectory().resolve("sonde"));
        return AsyncProfilerLoader.load();
    }

    /** {@code execute} under a JDK type, its checked exception unchecked: see {@link NativeProfilerHandle}. */
    private static UnaryOperator<String> commandsOf(AsyncProfiler profiler) {
        return command -> {
            try {
                return profiler.execute(command);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Null if no sonde loaded it before, or if the bootstrap class path has an older sonde's jar without the handle. */
    private static UnaryOperator<String> loadedByAnEarlierSonde() {
        try {
            return NativeProfilerHandle.kept();
        } catch (LinkageError olderJarFirst) {
            return null;
        }
    }

    private static void keepForLaterSondes(UnaryOperator<String> commands) {
        try {
            NativeProfilerHandle.keepIfAbsent(commands);
        } catch (LinkageError olderJarFirst) {
            // Later sondes then fail to load it, and say it is held by another class loader.
        }
    }

    /**
     * ap-loader reports a native library held by another class loader as an {@code IllegalStateException}
     * about the extraction directory, with the JVM's {@code UnsatisfiedLinkError} as its cause.
     */
    private static boolean alreadyLoadedElsewhere(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof UnsatisfiedLinkError
                    && (message.contains("another classloader") || message.contains("another class loader"))) {
                return true;
            }
        }
        return false;
    }

    /** The failure and, where it wraps one, its innermost cause: ap-loader's own message does not name it. */
    private static String describeWithCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? Log.describe(failure) : Log.describe(failure) + " (cause: " + Log.describe(root) + ")";
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** Starts a session that {@link #stop} ends; refused (false) while another runs. */
    public synchronized boolean start(ProfileEvent event, ProfileFormat format, Path file, String reason)
            throws ProfilerUnavailableException {
        return start(event, format, file, reason, null);
    }

    /**
     * Starts a session that {@link #stop} ends; refused (false) while another runs. With
     * {@code slicing} (not empty), the session records JFR with wall-clock samples besides the
     * event, on {@link System#nanoTime()}'s clock, and follows the slicing's calls.
     */
    synchronized boolean start(ProfileEvent event, ProfileFormat format, Path file, String reason,
                               CallSlicing slicing) throws ProfilerUnavailableException {
        if (running != null) {
            return false;
        }
        boolean slices = slicing != null && !slicing.isEmpty();
        ProfileEvent actual = event == ProfileEvent.CPU && cpuFallsBackToItimer ? ProfileEvent.ITIMER : event;
        Path recording = !slices ? null : format == ProfileFormat.JFR ? file : RecordingConversion.recordingFor(file);
        String output = recording != null ? ",clock=monotonic,jfr,file=" + recording
                : format == ProfileFormat.JFR ? ",jfr,file=" + file : "";
        if (recording != null || format == ProfileFormat.JFR) {
            createParentDirectory(file); // async-profiler opens a JFR file when sampling starts
        }
        if (slices) {
            slicing.begin();
        }
        try {
            try {
                execute("start," + events(actual, slices) + output);
            } catch (ProfilerUnavailableException e) {
                if (actual != ProfileEvent.CPU || !e.getMessage().toLowerCase(Locale.ROOT).contains("perf")) {
                    throw e;
                }
                cpuFallsBackToItimer = true;
                Log.error("cpu profiling (perf events) is not permitted here (" + e.getMessage()
                        + "); using itimer instead");
                actual = ProfileEvent.ITIMER;
                execute("start," + events(actual, slices) + output);
            }
        } catch (ProfilerUnavailableException | RuntimeException e) {
            if (slices) {
                slicing.abandon();
            }
            throw e;
        }
        running = new Session(actual, format, file, reason, Instant.now(), recording, slices ? slicing : null);
        return true;
    }

    /** async-profiler's event options: with slices, wall-clock samples every 10 ms besides the event. */
    private static String events(ProfileEvent event, boolean slices) {
        if (!slices) {
            return "event=" + event.label();
        }
        return event == ProfileEvent.WALL ? "event=wall,interval=" + SLICE_SAMPLING
                : "event=" + event.label() + ",wall=" + SLICE_SAMPLING;
    }

    /** Ends the running session and writes its file; null if none was running. */
    public synchronized ProfileRecord stop() throws ProfilerUnavailableException {
        List<ProfileRecord> written = stopAll();
        return written.isEmpty() ? null : written.get(0);
    }

    /**
     * Ends the running session and writes its file, then the slow/normal/diff graphs of the calls
     * it followed, if any; returns them all, the profile first (none if no session was running).
     */
    public synchronized List<ProfileRecord> stopAll() throws ProfilerUnavailableException {
        return stopAll(null);
    }

    /**
     * As {@link #stopAll()}, converting a recording made for slices for at most
     * {@code conversionLimit} (null: five minutes): past it, the recording is the profile's file.
     */
    public synchronized List<ProfileRecord> stopAll(Duration conversionLimit) throws ProfilerUnavailableException {
        if (running == null) {
            return List.of();
        }
        Session session = running;
        running = null;
        try {
            createParentDirectory(session.file);
        } catch (ProfilerUnavailableException e) {
            execute("stop");
            abandon(session);
            throw e;
        }
        if (session.recording != null) {
            return stopRecording(session, conversionLimit);
        }
        if (session.format == ProfileFormat.JFR) {
            execute("stop");
        } else {
            // async-profiler writes the file in place; a JVM that ends mid-write (the shutdown
            // bound, kill -9) would leave half a flame graph. Written aside, then moved: whole or absent.
            Path aside = session.file.resolveSibling("." + session.file.getFileName() + ".tmp");
            execute("stop,file=" + aside + "," + session.format.outputOption());
            moveIntoPlace(aside, session.file);
        }
        return List.of(session.record());
    }

    /** A session that recorded JFR for slices: the profile is converted from it, then the slices. */
    private List<ProfileRecord> stopRecording(Session session, Duration conversionLimit)
            throws ProfilerUnavailableException {
        try {
            execute("stop");
        } catch (ProfilerUnavailableException | RuntimeException e) {
            abandon(session);
            throw e;
        }
        session.slicing.stopFollowing();
        RecordingConversion conversion = new RecordingConversion(session.recording, session.event, session.format,
                session.file, session.slicing);
        try {
            return conversion.runWithin(session.record(), conversionLimit != null ? conversionLimit : CONVERSION_LIMIT);
        } catch (IOException | RuntimeException e) {
            abandon(session);
            throw new ProfilerUnavailableException("cannot write " + session.file + ": " + Log.describe(e));
        }
    }

    private static void abandon(Session session) {
        if (session.slicing != null) {
            session.slicing.abandon();
        }
    }

    /**
     * Profiles for {@code duration} and writes the file; blocks meanwhile (an interrupt ends the
     * session early, and still writes it). Null if another session was running.
     */
    public ProfileRecord record(ProfileEvent event, ProfileFormat format, Path file, Duration duration, String reason)
            throws ProfilerUnavailableException {
        List<ProfileRecord> written = record(event, format, file, duration, reason, null);
        return written == null || written.isEmpty() ? null : written.get(0);
    }

    /**
     * Profiles for {@code duration} as {@link #record(ProfileEvent, ProfileFormat, Path, Duration, String)}
     * does, following {@code slicing}'s calls; returns the profile and its slices (see {@link #stopAll}),
     * or null if another session was running.
     */
    List<ProfileRecord> record(ProfileEvent event, ProfileFormat format, Path file, Duration duration, String reason,
                               CallSlicing slicing) throws ProfilerUnavailableException {
        if (!start(event, format, file, reason, slicing)) {
            return null;
        }
        boolean interrupted = false;
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
        }
        List<ProfileRecord> written = stopAll();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return written;
    }

    private static void moveIntoPlace(Path aside, Path file) throws ProfilerUnavailableException {
        try {
            AtomicMove.intoPlace(aside, file);
        } catch (Exception e) {
            throw new ProfilerUnavailableException("cannot write " + file + ": " + Log.describe(e));
        }
    }

    private static void createParentDirectory(Path file) throws ProfilerUnavailableException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (Exception e) {
            throw new ProfilerUnavailableException("cannot write " + file + ": " + Log.describe(e));
        }
    }

    private String execute(String command) throws ProfilerUnavailableException {
        try {
            return commands.apply(command);
        } catch (UncheckedIOException e) {
            throw new ProfilerUnavailableException(Log.describe(e.getCause()));
        } catch (RuntimeException e) {
            throw new ProfilerUnavailableException(Log.describe(e));
        }
    }

    /** A session in progress. */
    private static final class Session {
        final ProfileEvent event;
        final ProfileFormat format;
        final Path file;
        final String reason;
        final Instant start;
        /** The JFR recording that slices are made from, or null when the session makes none. */
        final Path recording;
        final CallSlicing slicing;

        Session(ProfileEvent event, ProfileFormat format, Path file, String reason, Instant start, Path recording,
                CallSlicing slicing) {
            this.event = event;
            this.format = format;
            this.file = file;
            this.reason = reason;
            this.start = start;
            this.recording = recording;
            this.slicing = slicing;
        }

        ProfileRecord record() {
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            return new ProfileRecord(file, event, start, seconds, reason);
        }
    }
}
