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
import java.util.logging.Level;
import java.util.logging.Logger;

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
 * <p>The exporter is built at the first push, on the push thread, not at start: the SDK logs
 * through {@code java.util.logging}, and touching it from {@code premain} would set the JVM's log
 * manager up before the application could choose its own. The SDK's own log lines (a stack trace
 * per failed push) are turned off, except with {@code log=debug}; sonde's line says what failed.
 */
public final class OtlpPush {

    /** The last push at shutdown waits no longer than this: the JVM's exit comes first. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);
    /** One push may take at most this long, or the interval if shorter, before it counts as failed. */
    private static final Duration MAX_PUSH_TIME = Duration.ofSeconds(10);

    /** Holds the level set on the SDK's loggers: java.util.logging keeps loggers by weak reference. */
    private static volatile Logger sdkLogger;

    private final OtlpSettings settings;
    private final ThreadLocalRecorder recorder;
    private final OperationRegistry registry;
    private final Supplier<OtlpResource> resource;
    private final String sondeVersion;
    private final long startNanos;
    private final ScheduledExecutorService pushThread;
    private final ExecutorService sendThreads;
    private final CollectorHealth health;
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
     * Pushes every interval from now on (the first after one interval).
     *
     * @param resource asked for at the first push, not now (the host name may need a resolver)
     */
    public static OtlpPush start(OtlpSettings settings, ThreadLocalRecorder recorder, OperationRegistry registry,
                                 Supplier<OtlpResource> resource, String sondeVersion, Instant recordingStart) {
        OtlpPush push = new OtlpPush(settings, recorder, registry, resource, sondeVersion, recordingStart);
        long every = settings.interval().toMillis();
        push.pushThread.scheduleWithFixedDelay(push::pushQuietly, every, every, TimeUnit.MILLISECONDS);
        Log.info("OTLP push to " + settings + " (the first in " + DurationText.format(settings.interval()) + ")");
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
        pushThread.shutdown();
        try {
            pushThread.submit(this::pushQuietly);
        } catch (RejectedExecutionException alreadyStopped) {
            // stop() or a second finish: there is nothing left to push
        }
    }

    /**
     * Waits for the last push until {@code deadlineNanos} ({@link System#nanoTime}), then stops the
     * threads; a push that takes longer is cut off (its figures were all sent before, but for the
     * last interval's).
     */
    public void awaitLastPush(long deadlineNanos) {
        try {
            pushThread.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop();
        }
    }

    /** Stops pushing at once; a push under way is cut off. */
    public void stop() {
        pushThread.shutdownNow();
        sendThreads.shutdownNow();
    }

    /** On the push thread; nothing thrown ends the schedule (which a thrown exception would). */
    private void pushQuietly() {
        try {
            push();
        } catch (Throwable t) {
            health.failed(Log.describe(t));
            if (Log.isDebug()) {
                t.printStackTrace();
            }
        }
    }

    private void push() {
        if (exporter == null) {
            exporter = exporter();
            metrics = new OtlpMetrics(resource.get().toResource(), sondeVersion, startNanos);
        }
        long nowNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        CompletableResultCode result = exporter.export(metrics.of(recorder.snapshot(), registry.droppedCount(), nowNanos));
        result.join(pushTime().toMillis() + 500, TimeUnit.MILLISECONDS);
        health.after(result);
    }

    private Duration pushTime() {
        return settings.interval().compareTo(MAX_PUSH_TIME) < 0 ? settings.interval() : MAX_PUSH_TIME;
    }

    /** No retries: the next push carries the same figures and more, and a retry would hold memory meanwhile. */
    private MetricExporter exporter() {
        quietSdkLogging();
        OtlpHttpMetricExporterBuilder builder = OtlpHttpMetricExporter.builder()
                .setEndpoint(settings.endpoint().toString())
                .setTimeout(pushTime())
                .setConnectTimeout(pushTime())
                .setRetryPolicy(null)
                .setMeterProvider(MeterProvider::noop)
                .setExecutorService(sendThreads)
                .setComponentLoader(JdkSenderOnly.INSTANCE);
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            builder.addHeader(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    private static void quietSdkLogging() {
        if (sdkLogger == null && !Log.isDebug()) {
            String exporterClass = OtlpHttpMetricExporter.class.getName();
            // io.opentelemetry, or where the agent jar relocated it: the SDK's loggers are named by class.
            Logger logger = Logger.getLogger(exporterClass.substring(0, exporterClass.indexOf(".exporter.")));
            logger.setLevel(Level.OFF);
            sdkLogger = logger;
        }
    }

    private static ThreadFactory daemonThreads(String name, ThreadLocalRecorder recorder) {
        AtomicInteger created = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                // As for the Prometheus endpoint: sonde's own HTTP is never an operation of the application.
                recorder.claimRequest();
                task.run();
            }, created.getAndIncrement() == 0 ? name : name + "-" + created.get());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(Log::threadDied);
            return thread;
        };
    }
}
