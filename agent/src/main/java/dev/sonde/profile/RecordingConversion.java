package dev.sonde.profile;

import dev.sonde.bootstrap.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What follows a profile that recorded JFR for slow-call graphs: its flame graph is converted from
 * the recording (unless its format is {@code jfr}), then the slices are written, then the recording
 * is deleted. Converting a long recording on a busy machine takes seconds; at shutdown, where the
 * report has about two, {@link #runWithin} waits a bounded time and, past it, lists the recording
 * itself as the profile and keeps it.
 */
final class RecordingConversion {

    private final Path recording;
    private final ProfileEvent event;
    private final ProfileFormat format;
    private final Path file;
    private final CallSlicing slicing;
    /** Set when the wait is over: the recording is then the profile's file and must stay. */
    private volatile boolean keepRecording;

    RecordingConversion(Path recording, ProfileEvent event, ProfileFormat format, Path file, CallSlicing slicing) {
        this.recording = recording;
        this.event = event;
        this.format = format;
        this.file = file;
        this.slicing = slicing;
    }

    /** Where a profile written as {@code file} records its JFR: {@code <file without extension>.jfr}. */
    static Path recordingFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".jfr");
    }

    /** Lists the recording as the profile and keeps it; the conversion may still finish meanwhile. */
    private List<ProfileRecord> recordingInstead(ProfileRecord profile, String what) {
        keepRecording = true;
        Log.error("the " + profile.reason() + " profile " + what + "; its recording " + recording
                + " is listed instead, without slow-call graphs (convert it with: java -jar sonde-agent.jar convert "
                + recording + " --event " + event.label() + " --out " + file + ")");
        return List.of(ProfileRecord.recordingOf(profile, recording));
    }

    /** The profile's graph and its slices, the profile first. */
    private List<ProfileRecord> run(ProfileRecord profile) throws IOException {
        try {
            if (format != ProfileFormat.JFR) {
                RecordedProfile.convert(recording, event, format, file);
            }
            List<ProfileRecord> written = new ArrayList<>();
            written.add(profile);
            written.addAll(slicing.finish(recording, profile, format));
            return written;
        } finally {
            if (format != ProfileFormat.JFR && !keepRecording) {
                Files.deleteIfExists(recording);
            }
        }
    }

    /**
     * Converts on a thread of its own, which nothing interrupts (an interrupt would close the
     * recording's file under the reader), and waits at most {@code limit}: past it, or when the
     * waiting thread is interrupted (shutdown, detach), the conversion goes on in the background
     * (the JVM may end it) and the profile is listed as its JFR recording, which stays.
     */
    List<ProfileRecord> runWithin(ProfileRecord profile, Duration limit) throws IOException {
        CompletableFuture<List<ProfileRecord>> conversion = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                conversion.complete(run(profile));
            } catch (Throwable e) {
                conversion.completeExceptionally(e);
            }
        }, "sonde-profile-conversion");
        worker.setDaemon(true);
        worker.start();
        try {
            return conversion.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return recordingInstead(profile, "was not converted within " + limit.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return recordingInstead(profile, "was cut short (shutdown or detach) while being converted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(Log.describe(cause), cause);
        }
    }
}
