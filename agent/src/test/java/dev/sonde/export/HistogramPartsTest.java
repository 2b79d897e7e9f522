package dev.sonde.export;

import dev.sonde.config.PrometheusClassic;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Enumeration;

import static org.assertj.core.api.Assertions.assertThat;

/** Each scrape gets the parts of the histograms its format carries and its scraper keeps. */
class HistogramPartsTest {

    private static final String TEXT = "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0;q=0.75,text/plain;q=0.5";

    private final HistogramParts.Choice auto = choice(PrometheusClassic.AUTO);
    private final HistogramParts.Choice always = choice(PrometheusClassic.ALWAYS);

    @Test
    void textScrapesGetTheClassicBucketsAlone() {
        assertThat(auto.of(request(TEXT, null))).isEqualTo(HistogramParts.CLASSIC);
        assertThat(auto.of(request(OPENMETRICS, null))).isEqualTo(HistogramParts.CLASSIC);
        assertThat(always.of(request(TEXT, null))).isEqualTo(HistogramParts.CLASSIC);
        assertThat(auto.of(request(null, null))).as("no Accept header: text").isEqualTo(HistogramParts.CLASSIC);
    }

    @Test
    void protobufScrapesGetTheNativeHistogramAndTheClassicBucketsOnlyWhenAlways() {
        assertThat(auto.of(request(ProtobufScrape.ACCEPT, null))).isEqualTo(HistogramParts.NATIVE);
        assertThat(always.of(request(ProtobufScrape.ACCEPT, null))).isEqualTo(HistogramParts.BOTH);
    }

    @Test
    void aDebugAnswerIsChosenByItsParameterAsTheLibraryDoes() {
        assertThat(auto.of(request(TEXT, "prometheus-protobuf"))).isEqualTo(HistogramParts.NATIVE);
        assertThat(auto.of(request(ProtobufScrape.ACCEPT, "text"))).isEqualTo(HistogramParts.CLASSIC);
    }

    @Test
    void outsideAScrapeEverythingIsBuilt() {
        assertThat(auto.of(null)).isEqualTo(HistogramParts.BOTH);
    }

    private static HistogramParts.Choice choice(PrometheusClassic policy) {
        return new HistogramParts.Choice(ExpositionFormats.init(PrometheusProperties.builder().build()), policy);
    }

    private static PrometheusHttpRequest request(String accept, String debug) {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return debug == null ? null : "debug=" + debug;
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return name.equalsIgnoreCase("Accept") && accept != null
                        ? Collections.enumeration(java.util.List.of(accept)) : Collections.emptyEnumeration();
            }

            @Override
            public String getMethod() {
                return "GET";
            }

            @Override
            public String getRequestPath() {
                return "/metrics";
            }
        };
    }
}
