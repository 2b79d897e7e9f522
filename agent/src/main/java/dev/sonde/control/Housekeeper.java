package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.record.ThreadLocalRecorder;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second, folds the recordings of ended threads into the totals, so that thread pools that
 * replace their threads do not make sonde's memory grow. One daemon thread, until {@link #stop}.
 */
final class Housekeeper {

    private static final long PERIOD_MILLIS = 1_000;

    private final ScheduledExecutorService executor;

    private Housekeeper(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static Housekeeper start(ThreadLocalRecorder recorder) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sonde-housekeeper");
            thread.setUncaughtExceptionHandler(Log::threadDied);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                recorder.foldFinishedThreads();
            } catch (Throwable t) {
                Log.error("housekeeping failed", t);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return new Housekeeper(executor);
    }

    /** Ends the thread (after a fold in progress, if any); at detach. */
    void stop() {
        executor.shutdown();
    }
}
