package com.acme.asyncapp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A service whose methods hand back results that complete later, on another thread. */
public final class Quotes {

    private final Executor later;

    /** Results complete {@code delayMillis} after the call, on one of {@code workers}' threads. */
    public Quotes(int delayMillis, Executor workers) {
        this.later = CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, workers);
    }

    /** Completes {@code delayMillis} after the call, with a value derived from the argument. */
    public CompletableFuture<String> quote(int id) {
        return CompletableFuture.supplyAsync(() -> "quote " + id, later);
    }

    /** The same, declared as the interface. */
    public CompletionStage<String> stage(int id) {
        return quote(id);
    }

    /** The same, declared as Object: only the actual result says it is asynchronous. */
    public Object untyped(int id) {
        return quote(id);
    }

    /** Completes with an exception later. */
    public CompletableFuture<String> broken(int id) {
        return CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("broken " + id);
        }, later);
    }

    /** Never completes by itself: the caller cancels it. */
    public CompletableFuture<String> pending() {
        return new CompletableFuture<>();
    }

    /** Declared as Object, returns a plain value: timed as it returns. */
    public Object plain(int id) {
        return "plain " + id;
    }
}
