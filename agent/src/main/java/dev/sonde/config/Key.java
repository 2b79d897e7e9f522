package dev.sonde.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every configuration key sonde understands, with what it is for (shown in errors and docs). */
public enum Key {
    INCLUDE("include", true, "method patterns to time"),
    EXCLUDE("exclude", true, "method patterns never to time, even when included"),
    OUT("out", false, "directory for reports (default ./sonde-out)"),
    MAX_OPERATIONS("max.operations", false, "cap on distinct operations; the rest go to (other) (default 2000)"),
    ALLOC("alloc", false, "on | off: bytes allocated per call (default on)"),
    SELF("self", false, "on | off: self time, exclusive of timed callees (default on)"),
    HTTP("http", false, "on | off: HTTP requests as operations, one per route (default on)"),
    JDBC("jdbc", false, "on | off: JDBC statements as operations, one per normalised statement (default on)"),
    HTTP_CLIENT("http.client", false, "on | off: outbound HTTP calls as operations, one per method, server and path (default on)"),
    ASYNC("async", false, "on | off: a method returning a CompletionStage ends when it completes (default on)"),
    INTERVAL("interval", false, "a report per window of this length plus an .hlog, e.g. 60s or 10m (default off)"),
    KEEP("keep", false, "how many interval reports to keep, the newest (default 100)"),
    PROFILE("profile", false, "cpu | wall | alloc | lock: a flame graph of the whole run, written at shutdown (default off)"),
    PROFILE_EVERY("profile.every", false, "a flame graph every period, e.g. 10m (default off)"),
    PROFILE_DURATION("profile.duration", false, "length of scheduled and triggered profiles (default 30s)"),
    PROFILE_EVENT("profile.event", false, "event of scheduled and triggered profiles (default cpu)"),
    PROFILE_TRIGGER("profile.trigger", false, "profile when an operation turns slow, e.g. com.acme.Svc#m>200ms or GET /x>p99:150ms"),
    PROFILE_COOLDOWN("profile.cooldown", false, "least time between triggered profiles (default 5m)"),
    PROFILE_FORMAT("profile.format", false, "html | collapsed | jfr (default html)"),
    PROFILE_SLOW("profile.slow", true, "with every profile, slow/normal/diff flame graphs of an operation's calls, e.g. GET /api/orders>50ms or com.acme.Svc#m>p99"),
    PROMETHEUS("prometheus", false, "host:port, or a port on 127.0.0.1: serve /metrics to Prometheus (default off)"),
    PROMETHEUS_CLASSIC("prometheus.classic", false, "auto | always: classic buckets in protobuf scrapes too, with always (default auto: text scrapes only)"),
    OTLP("otlp", false, "http(s) URL of an OTLP/HTTP receiver (an OpenTelemetry collector) to push to (default off)"),
    OTLP_INTERVAL("otlp.interval", false, "time between OTLP pushes (default 60s)"),
    OTLP_HEADERS("otlp.headers", false, "request headers of OTLP pushes, name=value;name=value (e.g. for authentication)"),
    OTLP_SERVICE("otlp.service", false, "the service.name of OTLP pushes (default: the main class or jar name)"),
    LOG("log", false, "quiet | info | debug (default info)"),
    CONFIG("config", false, "a Java properties file with more keys");

    private final String name;
    private final boolean list;
    private final String description;

    Key(String name, boolean list, String description) {
        this.name = name;
        this.list = list;
        this.description = description;
    }

    /** The name as written in agent arguments and files, e.g. {@code max.operations}. */
    public String keyName() {
        return name;
    }

    public boolean isList() {
        return list;
    }

    public String description() {
        return description;
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
