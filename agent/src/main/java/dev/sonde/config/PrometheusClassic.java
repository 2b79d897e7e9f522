package dev.sonde.config;

import java.util.Locale;

/**
 * Which scrapes carry the classic buckets ({@code le} series) of sonde's histograms
 * ({@code prometheus.classic}). A scraper asks for protobuf only when it stores native histograms,
 * and Prometheus then drops the classic buckets of a histogram that has a native one, unless its
 * scrape config keeps both ({@code always_scrape_classic_histograms: true}; in 2.45 to 2.x,
 * {@code scrape_classic_histograms}). Formatting the classic buckets is most of a scrape's cost, so
 * by default they go only where they are kept.
 */
public enum PrometheusClassic {
    /** Classic buckets in text and OpenMetrics scrapes; the native histogram alone in protobuf ones. */
    AUTO,
    /** Classic buckets in every format, for a scrape config that keeps both in protobuf. */
    ALWAYS;

    static PrometheusClassic parse(String text, Key key) throws ConfigException {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "always":
                return ALWAYS;
            default:
                throw new ConfigException("invalid value '" + text + "' for " + key.keyName() + ": expected auto or always");
        }
    }

    /** As written in the configuration: {@code auto} or {@code always}. */
    public String keyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
