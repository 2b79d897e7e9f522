package com.acme.testapp.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * An application with its own OpenTelemetry SDK (the unrelocated one, the version sonde relocates):
 * it counts and measures its orders with its own meter and prints what its own exporter gets, so a
 * test can compare its output with and without sonde pushing over OTLP beside it. The timed method
 * is {@link #placeOrder}.
 */
public final class OwnOpenTelemetryApp {

    public static final int ORDERS = 200;

    private OwnOpenTelemetryApp() {
    }

    /** With an argument, waits (up to a minute) for that file to exist before it ends. */
    public static void main(String[] args) throws InterruptedException {
        PrintingExporter exporter = new PrintingExporter();
        SdkMeterProvider provider = SdkMeterProvider.builder()
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(1, TimeUnit.HOURS).build())
                .build();
        Meter meter = provider.get("com.acme.orders");
        LongCounter orders = meter.counterBuilder("orders").build();
        DoubleHistogram amounts = meter.histogramBuilder("order.amount").build();
        for (int i = 0; i < ORDERS; i++) {
            amounts.record(placeOrder(i));
            orders.add(1, Attributes.of(AttributeKey.stringKey("size"), i % 2 == 0 ? "small" : "large"));
        }
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
        System.out.println("own-otel-app done: " + exporter.seen);
        if (args.length > 0) {
            awaitFile(Path.of(args[0]));
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static double placeOrder(int i) {
        return 10 + i % 7;
    }

    /** Prints each metric's points as sorted text. */
    private static final class PrintingExporter implements MetricExporter {

        final TreeMap<String, String> seen = new TreeMap<>();

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            for (MetricData metric : metrics) {
                if (metric.getName().startsWith("otel.")) {
                    continue; // the SDK's own metrics, with durations that differ from run to run
                }
                seen.put(metric.getName(), metric.getData().getPoints().stream()
                        .map(point -> point.getAttributes() + "=" + pointValue(point))
                        .sorted().reduce((a, b) -> a + ";" + b).orElse(""));
            }
            return CompletableResultCode.ofSuccess();
        }

        private static String pointValue(Object point) {
            if (point instanceof io.opentelemetry.sdk.metrics.data.LongPointData) {
                return String.valueOf(((io.opentelemetry.sdk.metrics.data.LongPointData) point).getValue());
            }
            io.opentelemetry.sdk.metrics.data.HistogramPointData histogram =
                    (io.opentelemetry.sdk.metrics.data.HistogramPointData) point;
            return histogram.getCount() + "/" + histogram.getSum();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }
    }
}
