package com.example.shop;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Asynchronous endpoints: the request thread returns at once and the response completes about
 * {@value #DELAY_MILLIS} ms later on another thread. A profiler must time them until the response
 * completes, not until the handler returns.
 */
@RestController
@RequestMapping("/api")
public class AsyncController {

    static final long DELAY_MILLIS = 100;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "shop-deferred");
        thread.setDaemon(true);
        return thread;
    });

    /** Completed by a timer thread ({@link DeferredResult}). */
    @GetMapping("/deferred")
    public DeferredResult<Map<String, Object>> deferred() {
        DeferredResult<Map<String, Object>> result = new DeferredResult<>();
        timer.schedule(() -> result.setResult(Map.of("waited", DELAY_MILLIS)), DELAY_MILLIS, TimeUnit.MILLISECONDS);
        return result;
    }

    /** Run by Spring's async executor ({@link Callable}). */
    @GetMapping("/callable")
    public Callable<Map<String, Object>> callable() {
        return () -> {
            Thread.sleep(DELAY_MILLIS);
            return Map.of("waited", DELAY_MILLIS);
        };
    }
}
