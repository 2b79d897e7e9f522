package dev.sonde.export;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a protobuf scrape, decoded with the Prometheus client's own generated classes: the
 * metric families by name, as Prometheus reads them.
 */
public final class ProtobufScrape {

    /** What a scraper that stores native histograms sends, as Prometheus does. */
    public static final String ACCEPT =
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    private final Map<String, Metrics.MetricFamily> families = new LinkedHashMap<>();

    private ProtobufScrape(byte[] body) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        for (Metrics.MetricFamily family; (family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null; ) {
            families.put(family.getName(), family);
        }
    }

    public static ProtobufScrape of(byte[] body) throws IOException {
        return new ProtobufScrape(body);
    }

    /** The histogram of the series of {@code metric} whose {@code operation} label is {@code operation}. */
    public Metrics.Histogram histogram(String metric, String operation) {
        Metrics.MetricFamily family = families.get(metric);
        if (family == null) {
            throw new AssertionError("no " + metric + " in the scrape, only " + families.keySet());
        }
        return family.getMetricList().stream()
                .filter(series -> series.getLabelList().stream().anyMatch(
                        label -> label.getName().equals("operation") && label.getValue().equals(operation)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " of " + operation)).getHistogram();
    }
}
