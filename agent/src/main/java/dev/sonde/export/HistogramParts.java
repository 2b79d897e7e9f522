package dev.sonde.export;

import dev.sonde.config.PrometheusClassic;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;

/**
 * Which parts of each histogram a scrape gets: only what the format it is written in carries and
 * what the scraper keeps. Text and OpenMetrics 1.0 have no native histograms; a protobuf scrape
 * gets the native histogram, and the classic buckets too only with {@code prometheus.classic=always}
 * (Prometheus asks for protobuf only when it stores native histograms, and then drops the classic
 * buckets unless its scrape config says to keep them). The format is the one the client library's
 * handler will choose for the same request, from its {@code Accept} header or {@code debug} parameter.
 */
enum HistogramParts {
    CLASSIC(true, false),
    NATIVE(false, true),
    BOTH(true, true);

    private final boolean classic;
    private final boolean nativeBuckets;

    HistogramParts(boolean classic, boolean nativeBuckets) {
        this.classic = classic;
        this.nativeBuckets = nativeBuckets;
    }

    boolean classic() {
        return classic;
    }

    boolean nativeBuckets() {
        return nativeBuckets;
    }

    /** Chooses the parts per scrape, for one endpoint's formats and {@code prometheus.classic}. */
    static final class Choice {

        private final ExpositionFormats formats;
        private final PrometheusClassic policy;

        Choice(ExpositionFormats formats, PrometheusClassic policy) {
            this.formats = formats;
            this.policy = policy;
        }

        /** {@code request} is null when the metrics are collected outside a scrape: everything then. */
        HistogramParts of(PrometheusScrapeRequest request) {
            if (!(request instanceof PrometheusHttpRequest)) {
                return BOTH;
            }
            PrometheusHttpRequest http = (PrometheusHttpRequest) request;
            String debug = http.getParameter("debug");
            if (debug != null) {
                return debug.equals("prometheus-protobuf") ? forProtobuf() : debug.equals("text")
                        || debug.equals("openmetrics") ? CLASSIC : BOTH;
            }
            ExpositionFormatWriter writer = formats.findWriter(http.getHeader("Accept"));
            if (writer instanceof PrometheusProtobufWriter) {
                return forProtobuf();
            }
            boolean classicOnly = writer instanceof PrometheusTextFormatWriter || writer instanceof OpenMetricsTextFormatWriter;
            return classicOnly ? CLASSIC : BOTH;
        }

        private HistogramParts forProtobuf() {
            return policy == PrometheusClassic.ALWAYS ? BOTH : NATIVE;
        }
    }
}
