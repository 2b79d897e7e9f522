package dev.sonde.export;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.DurationText;
import dev.sonde.config.OtlpSettings;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.ThreadLocalRecorder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code otlp=}: pushes sonde's figures to an OpenTelemetry collector every {@code otlp.interval},
 * with the OpenTelemetry SDK's OTLP/HTTP exporter over the JDK's HTTP client, on sonde's own daemon
 * threads: the application never waits for a push, and its JVM never waits for one to exit.
 *
 * <p>Every push carries the cumulative figures since recording began, so a push that fails (the
 * collector is down, answers 503) is not retried or queued: the next one carries everything it
 * would have. Memory stays bounded by one push, and a collector that stays away costs one line
 * ({@link CollectorHealth}). At detach and at shutdown one last push has two seconds at most.
 *
 * <p>The exporter is built on the push thread right after start, not in {@code premain}, which
 * it would slow down (hundreds of classes). The SDK's log lines (a stack trace per failed push) go
 * to {@link LibraryLogger}, shown only with {@code log=debug}: sonde's one line says what failed.
 */
public final class OtlpPush {

    /** The last push at shutdown waits no longer than this: the JVM's exit comes first. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);
    /**
     * One push may take this long before it counts as failed; the next starts one interval after
     * it ends, so pushes never overlap however short the interval.
     */
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(10);

    private final OtlpSettings settings;
    private final ThreadLocalRecorder recorder;
    private final OperationRegistry registry;
    private final Supplier<OtlpResource> resource;
    private final String sondeVersion;
    private final long startNanos;
    private final ScheduledExecutorService pushThread;
    private final ExecutorService sendThreads;
    private final CollectorHealth health;
    /** Set by {@link #stop}: a push cut off then is said once already ({@link #awaitLastPush}). */
    private volatile boolean stopped;
    private MetricExporter exporter;
    private OtlpMetrics metrics;

    private OtlpPush(OtlpSettings settings, ThreadLocalRecorder recorder, OperationRegistry registry,
                     Supplier<OtlpResource> resource, String sondeVersion, Instant recordingStart) {
        this.settings = settings;
        this.recorder = recorder;
        this.registry = registry;
        this.resource = resource;
        this.sondeVersion = sondeVersion;
        this.startNanos = TimeUnit.SECONDS.toNanos(recordingStart.getEpochSecond()) + recordingStart.getNano();
        this.pushThread = new ScheduledThreadPoolExecutor(1, daemonThreads("sonde-otlp", recorder));
        this.sendThreads = Executors.newCachedThreadPool(daemonThreads("sonde-otlp-send", recorder));
        this.health = new CollectorHealth(settings.endpoint().toString(), DurationText.format(settings.interval()));
    }

    /**
     * Pushes now and then every interval.
     *
     * @param resource asked for at the first push, not now (the host name may need a resolver)
     */
    public static OtlpPush start(OtlpSettings settings, ThreadLocalRecorder recorder, OperationRegistry registry,
                                 Supplier<OtlpResource> resource, String sondeVersion, Instant recordingStart) {
        OtlpPush push = new OtlpPush(settings, recorder, registry, resource, sondeVersion, recordingStart);
        long every = settings.interval().toMillis();
        // The first push at once: it loads the HTTP client's classes and opens the connection, so that
        // the last one, at shutdown, is quick; and an unreachable collector is said at start.
        push.pushThread.scheduleWithFixedDelay(push::pushQuietly, 0, every, TimeUnit.MILLISECONDS);
        Log.info("OTLP push to " + settings + ", from now on");
        return push;
    }

    /**
     * One last push with everything recorded (at detach), then the threads end; waits
     * {@link #SHUTDOWN_WAIT} at most.
     */
    public void finish() {
        beginLastPush();
        awaitLastPush(System.nanoTime() + SHUTDOWN_WAIT.toNanos());
    }

    /** Starts the last push and returns at once (at shutdown, so that it runs beside the final report). */
    public void beginLastPush() {
        try {
            pushThread.submit(this::pushQuietly);
        } catch (RejectedExecutionException alreadyStopped) {
            // stop() or a second finish: there is nothing left to push
        }
        // Cancels the periodic pushes; the one just submitted still runs.
        pushThread.shutdown();
    }

    /**
     * Waits for the last push until {@code deadlineNanos} ({@link System#nanoTime}), then stops the
     * threads; a push that takes longer is cut off (its figures were all sent before, but for the
     * last interval's).
     */
    public void awaitLastPush(long deadlineNanos) {
        try {
            long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
            if (!pushThread.awaitTermination(waitNanos, TimeUnit.NANOSECONDS)) {
                Log.error("the last OTLP push to " + settings.endpoint() + " did not finish within "
                        + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms; it is cut off (the collector has the figures"
                        + " up to the push before)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop();
        }
    }

    /** Stops pushing at once; a push under way is cut off, and says nothing more. */
    public void stop() {
        stopped = true;
        pushThread.shutdownNow();
        sendThreads.shutdownNow();
    }

    /** On the push thread; nothing thrown ends the schedule (which a thrown exception would). */
    private void pushQuietly() {
        try {
            push();
        } catch (Throwable t) {
            if (!stopped) {
                health.failed(Log.describe(t));
            }
            if (Log.isDebug()) {
                t.printStackTrace();
            }
        }
    }

    /** The exporter, its HTTP client and the resource (the host name may need a resolver): once. */
    private void prepare() {
        if (exporter == null) {
            exporter = exporter();
            metrics = new OtlpMetrics(resource.get().toResource(), sondeVersion, startNanos);
        }
    }

    private void push() {
        prepare();
        long nowNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        CompletableResultCode result = exporter.export(metrics.of(recorder.counts(), registry.droppedCount(), nowNanos));
        result.join(PUSH_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        if (!stopped) {
            health.after(result);
        }
    }

    /** No retries: the next push carries the same figures and more, and a retry would hold memory meanwhile. */
    private MetricExporter exporter() {
        OtlpHttpMetricExporterBuilder builder = OtlpHttpMetricExporter.builder()
                .setEndpoint(settings.endpoint().toString())
                .setTimeout(PUSH_TIMEOUT)
                .setConnectTimeout(PUSH_TIMEOUT)
                .setRetryPolicy(null)
                .setMeterProvider(MeterProvider::noop)
                .setExecutorService(sendThreads)
                .setComponentLoader(JdkSenderOnly.INSTANCE);
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            builder.addHeader(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    private static ThreadFactory daemonThreads(String name, ThreadLocalRecorder recorder) {
        AtomicInteger created = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                // As for the Prometheus endpoint: sonde's own HTTP is never an operation of the application.
                recorder.claimForSonde();
                task.run();
            }, created.getAndIncrement() == 0 ? name : name + "-" + created.get());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(Log::threadDied);
            return thread;
        };
    }
}
