package dev.sonde.profile;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.SlowCallRule;
import dev.sonde.record.CallWindow;
import dev.sonde.record.CallWindows;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.ThreadLocalRecorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the slow calls do ({@code profile.slow}): while a profile runs, the calls of the named
 * operations are followed ({@link CallWindows}); when it ends, the profile's wall-clock samples
 * taken on a call's thread inside the call are sorted into that operation's slow and normal calls
 * ({@link CallSlices}) and written as three flame graphs: slow, normal, and their difference.
 *
 * <p>Only work done on the calling thread is seen: a call that hands its work to other threads
 * (asynchronous servlets, reactive code) shows its waiting, not the work. Calls on virtual threads
 * and asynchronous results that complete later are not followed at all.
 *
 * <p>One profile at a time (the {@link Profiler}'s rule); {@link #begin} and {@link #finish} are
 * called by the thread that starts and stops it.
 */
final class CallSlicing {

    private final List<SlowCallRule> rules;
    private final OperationRegistry registry;
    private final ThreadLocalRecorder recorder;
    private CallWindows windows;

    CallSlicing(List<SlowCallRule> rules, OperationRegistry registry, ThreadLocalRecorder recorder) {
        this.rules = List.copyOf(rules);
        this.registry = registry;
        this.recorder = recorder;
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The profile is about to start: follow the calls from now on. */
    void begin() {
        List<String> names = new ArrayList<>();
        rules.forEach(rule -> names.add(rule.operation()));
        windows = new CallWindows(registry, names);
        registry.follow(windows);
    }

    /** The profile has stopped: calls are no longer followed (the slices are made later, by {@link #finish}). */
    void stopFollowing() {
        registry.stopFollowing();
    }

    /** The profile did not start or was abandoned: stop following, write nothing. */
    void abandon() {
        registry.stopFollowing();
        windows = null;
    }

    /**
     * The profile has stopped and {@code recording} holds its samples: writes each operation's
     * slow, normal and diff graphs next to {@code profile}'s file and returns what was written (a
     * slice without samples is returned without a file). A failure is one line; nothing is returned then.
     */
    List<ProfileRecord> finish(Path recording, ProfileRecord profile, ProfileFormat format) {
        registry.stopFollowing();
        CallWindows followed = windows;
        windows = null;
        if (followed == null) {
            return List.of();
        }
        try {
            return write(slices(followed, recording), followed.leftOut(), profile, new SliceGraphWriter(format));
        } catch (IOException | RuntimeException e) {
            Log.error("slow-call flame graphs not written: " + Log.describe(e));
            return List.of();
        }
    }

    private List<CallSlices> slices(CallWindows followed, Path recording) throws IOException {
        Map<String, List<CallWindow>> byOperation = new HashMap<>();
        for (CallWindow window : followed.collected()) {
            byOperation.computeIfAbsent(window.operation(), name -> new ArrayList<>()).add(window);
        }
        List<CallSlices> slices = new ArrayList<>();
        for (SlowCallRule rule : rules) {
            slices.add(new CallSlices(rule.operation(), thresholdNanos(rule),
                    byOperation.getOrDefault(rule.operation(), List.of())));
        }
        boolean osThreadIds = followed.osThreadIds();
        RecordedSamples.read(recording, (osThread, javaThread, nanos, stack) -> {
            for (CallSlices operation : slices) {
                operation.sample(osThreadIds ? osThread : javaThread, nanos, stack);
            }
        });
        return slices;
    }

    /** A fixed threshold, or the operation's percentile over every call so far; -1 if it has none. */
    private long thresholdNanos(SlowCallRule rule) {
        if (!rule.byPercentile()) {
            return rule.threshold().toNanos();
        }
        Optional<OperationSnapshot> snapshot = recorder.snapshotOf(rule.operation());
        if (!snapshot.isPresent() || snapshot.get().count() == 0) {
            return -1;
        }
        OperationSnapshot calls = snapshot.get();
        long percentile = Math.min(calls.latency().getValueAtPercentile(rule.percentile()), calls.maxNanos());
        // Calls in the percentile's own bucket (1 % wide) reach it: were they normal, calls alike in
        // duration (one slow path taking the same time each call) would leave no call above it.
        return calls.latency().lowestEquivalentValue(percentile) - 1;
    }

    private List<ProfileRecord> write(List<CallSlices> slices, long leftOut, ProfileRecord profile,
                                      SliceGraphWriter writer) throws IOException {
        List<ProfileRecord> records = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            CallSlices operation = slices.get(i);
            String rule = rules.get(i).toString();
            records.add(writeSlice(operation, "slow", operation.slow(), rule, leftOut, profile, writer));
            records.add(writeSlice(operation, "normal", operation.normal(), rule, leftOut, profile, writer));
            records.add(writeDifference(operation, rule, leftOut, profile, writer));
        }
        if (leftOut > 0) {
            Log.info("slow-call flame graphs: " + leftOut + " calls past the first " + CallWindows.CAPACITY
                    + " of this profile are in none of them");
        }
        return records;
    }

    private static ProfileRecord writeSlice(CallSlices operation, String name, Slice slice, String rule, long leftOut,
                                            ProfileRecord profile, SliceGraphWriter writer) throws IOException {
        String note = noteFor(operation, slice, name + " calls");
        Path file = null;
        if (slice.samples() > 0) {
            file = sliceFile(profile.file(), operation.operation(), name, writer.extension());
            writer.writeSlice(slice, name + " calls of " + operation.operation() + " (" + describe(operation) + ")", file);
        }
        return ProfileRecord.slice(profile, file, new SliceFacts(operation.operation(), name, rule,
                operation.thresholdNanos(), slice.coveredCalls(), slice.calls(), slice.samples(), leftOut, note));
    }

    private static ProfileRecord writeDifference(CallSlices operation, String rule, long leftOut, ProfileRecord profile,
                                                 SliceGraphWriter writer) throws IOException {
        Slice slow = operation.slow();
        Slice normal = operation.normal();
        String note = noteFor(operation, slow, "slow calls");
        if (note == null) {
            note = noteFor(operation, normal, "normal calls");
        }
        Path file = null;
        if (slow.samples() > 0 && normal.samples() > 0) {
            file = sliceFile(profile.file(), operation.operation(), "diff", writer.extension());
            writer.writeDifference(operation, "slow minus normal calls of " + operation.operation()
                    + " (per " + CallSlices.PER_CALLS + " calls; " + describe(operation) + ")", file);
        }
        return ProfileRecord.slice(profile, file, new SliceFacts(operation.operation(), "diff", rule,
                operation.thresholdNanos(), slow.coveredCalls() + normal.coveredCalls(), slow.calls() + normal.calls(),
                slow.samples() + normal.samples(), leftOut, note));
    }

    /** Why a graph is missing or says little, or null. */
    private static String noteFor(CallSlices operation, Slice slice, String what) {
        if (operation.thresholdNanos() < 0) {
            return "no calls of the operation yet: no percentile to divide slow from normal calls";
        }
        if (slice.calls() == 0) {
            return "no " + what + " during the profile";
        }
        if (slice.samples() == 0) {
            return "no samples in the " + slice.calls() + " " + what + " (calls shorter than the sampling interval,"
                    + " or their work ran on other threads)";
        }
        if (slice.samples() < SliceFacts.FEW_SAMPLES) {
            return "only " + slice.samples() + " samples in " + what + ": too few to go by";
        }
        return null;
    }

    private static String describe(CallSlices operation) {
        return "slow: > " + String.format(Locale.ROOT, "%.1f ms", operation.thresholdNanos() / 1e6);
    }

    /** {@code sonde-profile-...-on-demand.html} gives {@code sonde-profile-...-on-demand.GET_api_orders.slow.html}. */
    static Path sliceFile(Path profileFile, String operation, String slice, String extension) {
        String name = profileFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String slug = operation.replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80) + "_" + Integer.toHexString(operation.hashCode());
        }
        return profileFile.resolveSibling(base + "." + slug + "." + slice + "." + extension);
    }
}
