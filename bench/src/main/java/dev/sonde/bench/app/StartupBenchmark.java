package dev.sonde.bench.app;

import dev.sonde.bench.RunMode;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The start-up benchmark: a Spring Boot application with Spring Data JPA, Hibernate and H2
 * ({@code bench/startup-app}) started without an agent and under each contender, time from
 * launching the JVM to its first 200 from {@code /api/ping} (which reads the database). Rounds
 * alternate: each round starts every contender once, in an order that rotates from round to round,
 * so a drift of the machine weighs on all alike.
 */
public final class StartupBenchmark {

    /** The application's own package: what a user would include first. */
    public static final String APP_INCLUDE = "include=com.example.clinic.**,http=on";
    public static final String HTTP_ONLY = "http=on";
    /** The documented recipe for Spring controllers: a class annotation, decided for every class loaded. */
    public static final String ANNOTATION_INCLUDE = "include=@org.springframework.web.bind.annotation.RestController#*,http=on";
    /** The documented recipe for implementations of an interface: a supertype, decided for every class loaded. */
    public static final String SUBTYPE_INCLUDE = "include=+jakarta.servlet.Filter#doFilter,http=on";

    /**
     * The contenders, in the order of the tables. Labels without the options themselves: the
     * console drops Markdown's {@code **}, which the include pattern has.
     */
    public enum Contender {
        NO_AGENT("no agent"),
        SONDE_APP("sonde, application include, HTTP on"),
        SONDE_HTTP("sonde, HTTP only (no include)"),
        SONDE_ANNOTATION("sonde, controllers by annotation, HTTP on"),
        SONDE_SUBTYPE("sonde, filters by supertype, HTTP on"),
        OPENTELEMETRY("OpenTelemetry agent, exporters off");

        private final String label;

        Contender(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Jdk jdk;
    private final Path appJar;
    private final Path agentJar;
    private final Path otelJar;
    private final Path work;
    private final RunMode mode;
    private final Consumer<String> progress;

    public StartupBenchmark(Jdk jdk, Path appJar, Path agentJar, Path otelJar, Path work, RunMode mode,
                            Consumer<String> progress) {
        this.jdk = jdk;
        this.appJar = appJar;
        this.agentJar = agentJar;
        this.otelJar = otelJar;
        this.work = work;
        this.mode = mode;
        this.progress = progress;
    }

    public StartupResult run() throws IOException, InterruptedException {
        Files.createDirectories(work);
        Map<Contender, List<Double>> millis = new LinkedHashMap<>();
        for (Contender contender : Contender.values()) {
            millis.put(contender, new ArrayList<>());
        }
        List<Contender> order = new ArrayList<>(List.of(Contender.values()));
        for (int round = 0; round < mode.startupRounds(); round++) {
            for (Contender contender : order) {
                String name = "startup-" + contender.name().toLowerCase(Locale.ROOT) + "-" + round;
                try (ShopProcess app = ShopProcess.start(jdk, appJar, jvmArgs(contender, name), work.resolve(name + ".log"))) {
                    millis.get(contender).add(app.startupMillis());
                    progress.accept(String.format(Locale.ROOT, "start-up %-45s %6.0f ms", contender.label(),
                            app.startupMillis()));
                }
            }
            Collections.rotate(order, 1);
        }
        return new StartupResult(appJar.getFileName().toString(), millis);
    }

    private List<String> jvmArgs(Contender contender, String name) {
        String sonde = "-javaagent:" + agentJar + "=";
        String out = ",log=quiet,out=" + work.resolve(name + "-out");
        switch (contender) {
            case SONDE_APP:
                return List.of(sonde + APP_INCLUDE + out);
            case SONDE_HTTP:
                return List.of(sonde + HTTP_ONLY + out);
            case SONDE_ANNOTATION:
                return List.of(sonde + ANNOTATION_INCLUDE + out);
            case SONDE_SUBTYPE:
                return List.of(sonde + SUBTYPE_INCLUDE + out);
            case OPENTELEMETRY:
                return List.of("-javaagent:" + otelJar, "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
                        "-Dotel.logs.exporter=none");
            default:
                return List.of();
        }
    }
}
