package dev.sonde.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how sonde pushes its figures to an OpenTelemetry collector ({@code otlp=} and the
 * {@code otlp.*} keys): an OTLP/HTTP endpoint, the time between pushes, request headers (for
 * authentication) and the service name. Immutable.
 *
 * <p>Header values are secrets as often as not: no error, log line or {@link #toString} shows them.
 */
public final class OtlpSettings {

    /** Below this, pushing every operation's histograms would cost more than it tells. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** The path an OTLP/HTTP receiver takes metrics on, added to an endpoint given without a path. */
    static final String METRICS_PATH = "/v1/metrics";

    /**
     * Headers the JDK's HTTP client sets itself and refuses from a caller ({@code IllegalArgumentException}
     * at every push), and the content type the exporter must set: refused at start instead.
     */
    private static final Set<String> RESERVED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "content-type");

    private final URI endpoint;
    private final Duration interval;
    private final Map<String, String> headers;
    private final String service;

    OtlpSettings(URI endpoint, Duration interval, Map<String, String> headers, String service) {
        this.endpoint = endpoint;
        this.interval = interval;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.service = service;
    }

    /** {@code http://collector:4318} (the metrics path is added) or a full URL such as {@code https://c/v1/metrics}. */
    static URI endpoint(String text) throws ConfigException {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalidEndpoint(text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw invalidEndpoint(text);
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")) {
            return uri.resolve(METRICS_PATH);
        }
        return uri;
    }

    private static ConfigException invalidEndpoint(String text) {
        return new ConfigException("invalid value '" + text + "' for otlp: expected the http:// or https:// URL"
                + " of an OTLP/HTTP receiver, e.g. http://127.0.0.1:4318, or off");
    }

    static Duration interval(String text) throws ConfigException {
        Duration interval = DurationText.parse(text, Key.OTLP_INTERVAL);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ConfigException("invalid value '" + text + "' for otlp.interval: the shortest is "
                    + DurationText.format(MIN_INTERVAL));
        }
        return interval;
    }

    /**
     * {@code Authorization=Bearer abc;X-Tenant=shop}: pairs separated by {@code ;}, each split at
     * its first {@code =} (values may hold more, as base64 does). The error names the pair by its
     * position and the header by its name, never its value.
     */
    static Map<String, String> headers(String text) throws ConfigException {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] pairs = text.split(";");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].trim();
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (!isToken(name)) {
                throw invalidHeaders("item " + (i + 1) + " is not name=value with a header name of letters, digits and -");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw invalidHeaders("header " + name + " is set by sonde's HTTP client and cannot be given");
            }
            String value = pair.substring(equals + 1).trim();
            if (!isFieldValue(value)) {
                throw invalidHeaders("the value of header " + name + " holds a control character (not shown)");
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static ConfigException invalidHeaders(String why) {
        return new ConfigException("invalid value for otlp.headers: " + why
                + "; expected name=value pairs separated by ';', e.g. Authorization=Bearer <token>;X-Tenant=shop");
    }

    /** An HTTP header name: RFC 9110's token characters. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Visible ASCII, spaces and tabs, and non-ASCII text; no line breaks or other control characters. */
    private static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The OTLP/HTTP URL metrics are posted to. */
    public URI endpoint() {
        return endpoint;
    }

    public Duration interval() {
        return interval;
    }

    /** Request headers, in the order given; values are secrets. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code service.name} resource attribute; null: the main class or jar name. */
    public String service() {
        return service;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof OtlpSettings)) {
            return false;
        }
        OtlpSettings that = (OtlpSettings) other;
        return endpoint.equals(that.endpoint) && interval.equals(that.interval) && headers.equals(that.headers)
                && Objects.equals(service, that.service);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, interval, headers, service);
    }

    /** The endpoint and interval, and the header names only. */
    @Override
    public String toString() {
        return endpoint + " every " + DurationText.format(interval)
                + (headers.isEmpty() ? "" : " with headers " + headers.keySet());
    }
}
