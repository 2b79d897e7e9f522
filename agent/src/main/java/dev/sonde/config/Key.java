package dev.sonde.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static dev.sonde.config.Key.Arity.LIST;
import static dev.sonde.config.Key.Arity.ONE;

/**
 * Every configuration key sonde understands: its name, whether it takes a list, its default (the
 * one place defaults are written), and what it is for (shown in errors and docs).
 */
public enum Key {
    INCLUDE("include", LIST, "method patterns to time"),
    EXCLUDE("exclude", LIST, "method patterns never to time, even when included"),
    OUT("out", ONE, "sonde-out", "directory for reports"),
    MAX_OPERATIONS("max.operations", ONE, "2000", "cap on distinct operations; the rest go to (other)"),
    ALLOC("alloc", ONE, "on", "on | off: bytes allocated per call"),
    SELF("self", ONE, "on", "on | off: self time, exclusive of timed callees"),
    HTTP("http", ONE, "on", "on | off: HTTP requests as operations, one per route"),
    JDBC("jdbc", ONE, "on", "on | off: JDBC statements as operations, one per normalised statement"),
    HTTP_CLIENT("http.client", ONE, "on", "on | off: outbound HTTP calls as operations, one per method, server and path"),
    ASYNC("async", ONE, "on", "on | off: a method returning a CompletionStage ends when it completes"),
    INTERVAL("interval", ONE, "off", "a report per window of this length plus an .hlog, e.g. 60s or 10m"),
    KEEP("keep", ONE, "100", "how many interval reports to keep, the newest"),
    PROFILE("profile", ONE, "off", "cpu | wall | alloc | lock: a flame graph of the whole run, written at shutdown"),
    PROFILE_EVERY("profile.every", ONE, "off", "a flame graph every period, e.g. 10m"),
    PROFILE_DURATION("profile.duration", ONE, "30s", "length of scheduled and triggered profiles"),
    PROFILE_EVENT("profile.event", ONE, "cpu", "event of scheduled and triggered profiles"),
    PROFILE_TRIGGER("profile.trigger", ONE, "off", "profile when an operation turns slow, e.g. com.acme.Svc#m>200ms or GET /x>p99:150ms"),
    PROFILE_COOLDOWN("profile.cooldown", ONE, "5m", "least time between triggered profiles"),
    PROFILE_FORMAT("profile.format", ONE, "html", "html | collapsed | jfr"),
    PROFILE_SLOW("profile.slow", LIST, "with every profile, slow/normal/diff flame graphs of an operation's calls, e.g. GET /api/orders>50ms or com.acme.Svc#m>p99"),
    PROMETHEUS("prometheus", ONE, "off", "host:port, or a port on 127.0.0.1: serve /metrics to Prometheus"),
    PROMETHEUS_CLASSIC("prometheus.classic", ONE, "auto", "auto | always: classic buckets in protobuf scrapes too, with always (auto: text scrapes only)"),
    OTLP("otlp", ONE, "off", "http(s) URL of an OTLP/HTTP receiver (an OpenTelemetry collector) to push to"),
    OTLP_INTERVAL("otlp.interval", ONE, "60s", "time between OTLP pushes"),
    OTLP_HEADERS("otlp.headers", ONE, "request headers of OTLP pushes, name=value;name=value (e.g. for authentication)"),
    OTLP_SERVICE("otlp.service", ONE, "the service.name of OTLP pushes (default: the main class or jar name)"),
    LOG("log", ONE, "info", "quiet | info | debug"),
    CONFIG("config", ONE, "a Java properties file with more keys");

    /** Whether a key takes one value or a list ({@code ;}-separated, or the key repeated). */
    enum Arity { ONE, LIST }

    private final String name;
    private final boolean list;
    private final String defaultValue;
    private final String description;

    Key(String name, Arity arity, String description) {
        this(name, arity, null, description);
    }

    Key(String name, Arity arity, String defaultValue, String description) {
        this.name = name;
        this.list = arity == Arity.LIST;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The name as written in agent arguments and files, e.g. {@code max.operations}. */
    public String keyName() {
        return name;
    }

    public boolean isList() {
        return list;
    }

    /** The value of a key that no source sets; null when there is none (lists, or one computed at start). */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the key is for, with its default: {@code on | off: self time, ... (default on)}. */
    public String description() {
        return defaultValue == null ? description : description + " (default " + defaultValue + ")";
    }

    /** {@code sonde.max.operations} */
    public String systemProperty() {
        return "sonde." + name;
    }

    /** {@code SONDE_MAX_OPERATIONS} */
    public String environmentVariable() {
        return "SONDE_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public static Optional<Key> named(String name) {
        return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
    }
}
