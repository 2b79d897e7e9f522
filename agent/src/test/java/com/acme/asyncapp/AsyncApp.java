package com.acme.asyncapp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Calls each method of {@link Quotes} a known number of times, waits for every result and checks it
 * is what the service produced: prints "results intact" only if none was changed.
 */
public final class AsyncApp {

    public static final int DELAY_MILLIS = 20;
    public static final int QUOTE_CALLS = 30;
    public static final int STAGE_CALLS = 12;
    public static final int UNTYPED_CALLS = 9;
    public static final int BROKEN_CALLS = 5;
    /** Calls of {@link Quotes#pending}: the first half cancelled, the others completed. */
    public static final int PENDING_CALLS = 8;
    public static final int PLAIN_CALLS = 50;

    private AsyncApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        QuoteWorkers workers = new QuoteWorkers();
        Quotes quotes = new Quotes(DELAY_MILLIS, workers.executor());
        int wrong = 0;
        List<CompletableFuture<String>> quoted = new ArrayList<>();
        for (int i = 0; i < QUOTE_CALLS; i++) {
            quoted.add(quotes.quote(i));
        }
        for (int i = 0; i < QUOTE_CALLS; i++) {
            wrong += quoted.get(i).join().equals("quote " + i) ? 0 : 1;
        }
        for (int i = 0; i < STAGE_CALLS; i++) {
            CompletionStage<String> stage = quotes.stage(i);
            wrong += stage.toCompletableFuture().join().equals("quote " + i) ? 0 : 1;
        }
        for (int i = 0; i < UNTYPED_CALLS; i++) {
            @SuppressWarnings("unchecked")
            CompletableFuture<String> untyped = (CompletableFuture<String>) quotes.untyped(i);
            wrong += untyped.join().equals("quote " + i) ? 0 : 1;
        }
        for (int i = 0; i < BROKEN_CALLS; i++) {
            try {
                quotes.broken(i).join();
                wrong++;
            } catch (CompletionException e) {
                wrong += e.getCause().getMessage().equals("broken " + i) ? 0 : 1;
            }
        }
        for (int i = 0; i < PENDING_CALLS; i++) {
            CompletableFuture<String> pending = quotes.pending();
            if (i < PENDING_CALLS / 2) {
                wrong += pending.cancel(false) && pending.isCancelled() ? 0 : 1;
            } else {
                pending.complete("answered " + i);
                wrong += pending.join().equals("answered " + i) ? 0 : 1;
            }
        }
        for (int i = 0; i < PLAIN_CALLS; i++) {
            wrong += quotes.plain(i).equals("plain " + i) ? 0 : 1;
        }
        workers.close();
        System.out.println(wrong == 0 ? "results intact" : wrong + " results changed");
    }
}
