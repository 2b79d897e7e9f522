package dev.sonde.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Spring Boot executable jar (the sample shop, the start-up benchmark's clinic) in a forked JVM on
 * a free loopback port, started as a user starts it and awaited until it answers; closing stops it.
 */
public final class SpringBootApp implements AutoCloseable {

    /**
     * The ready probe. Both applications answer it from a handler of its own ({@code ShopController#ping},
     * {@code ClinicController#ping}), so no handler a test plays is called before the test does.
     */
    private static final String READY_PATH = "/api/ping";

    /** {@code java.lang.IllegalStateException: message}: a qualified class name at the start of the line. */
    private static final Pattern STACK_TRACE_HEAD = Pattern.compile("([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: .*)?");

    private final ForkedJvm.Running jvm;
    private final HttpProbe http;

    private SpringBootApp(ForkedJvm.Running jvm, HttpProbe http) {
        this.jvm = jvm;
        this.http = http;
    }

    /** Starts {@code jar} as configured in {@code jvm} (agent, JVM options) and waits until it answers. */
    public static SpringBootApp start(ForkedJvm jvm, Path jar, Path work) throws Exception {
        int port = HttpProbe.freePort();
        ForkedJvm.Running running = jvm.jar(jar, "--server.port=" + port, "--server.address=127.0.0.1")
                .timeout(Duration.ofSeconds(90)).start(work);
        HttpProbe http = new HttpProbe(port);
        // Generous: a start takes 8–13 s here when the machine is not busy with other builds.
        http.awaitReady(READY_PATH, running, Duration.ofSeconds(120));
        return new SpringBootApp(running, http);
    }

    /** The sample shop ({@code sample-app}). */
    public static SpringBootApp sampleShop(ForkedJvm jvm, Path work) throws Exception {
        return start(jvm, TestPaths.sampleAppJar(), work);
    }

    public long pid() {
        return jvm.pid();
    }

    public HttpProbe http() {
        return http;
    }

    public String stderrSoFar() throws Exception {
        return jvm.stderrSoFar();
    }

    /** Stops the application (SIGTERM, so that sonde writes its report at exit) and waits for it. */
    public ForkedJvm.Result terminate() throws Exception {
        return jvm.terminate();
    }

    /**
     * The distinct exceptions of the application's log so far (the first line of each stack trace):
     * why a request failed, for assertion messages.
     */
    public String exceptionsLogged() throws Exception {
        return jvm.stdoutSoFar().lines().filter(line -> STACK_TRACE_HEAD.matcher(line).matches()).distinct().limit(8)
                .map(line -> "  " + line).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() throws Exception {
        if (jvm.isAlive()) {
            jvm.terminate();
        }
    }
}
