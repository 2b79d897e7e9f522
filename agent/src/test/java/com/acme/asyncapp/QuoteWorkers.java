package com.acme.asyncapp;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The threads that complete {@link Quotes}' results (not timed: the test includes {@code Quotes} only). */
final class QuoteWorkers implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "quotes");
        thread.setDaemon(true);
        return thread;
    });

    Executor executor() {
        return threads;
    }

    /**
     * Waits until every result has completed and everything that waited on it ran, which a caller
     * woken by {@code join()} cannot know: completion runs on the worker's thread, and the caller
     * may be woken before the other dependents (sonde's timing) have run.
     */
    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the workers did not finish");
        }
    }
}
