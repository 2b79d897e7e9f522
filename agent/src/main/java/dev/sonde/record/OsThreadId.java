package dev.sonde.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The operating system's id of the current thread, as async-profiler names the threads of its
 * samples. Java has no API for it; Linux shows it as the link {@code /proc/thread-self}
 * ({@code <pid>/task/<tid>}, Linux 3.17 and later). A Java thread id would not do: async-profiler
 * writes each thread's Java id as it was when the profile ended, and the thread that ran
 * {@code main} is "DestroyJavaVM", with another id, by the time a whole-run profile ends.
 */
final class OsThreadId {

    static final long UNKNOWN = -1;

    private static final Path THREAD_SELF = Paths.get("/proc/thread-self");

    private OsThreadId() {
    }

    /** The current thread's OS id, or {@link #UNKNOWN} where {@code /proc/thread-self} does not exist. */
    static long current() {
        try {
            String target = Files.readSymbolicLink(THREAD_SELF).toString();
            return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
        } catch (Exception | LinkageError e) {
            return UNKNOWN;
        }
    }
}
