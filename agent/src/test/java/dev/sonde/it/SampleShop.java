package dev.sonde.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The sample shop's Spring Boot jar in a forked JVM on a free loopback port; closing stops it. */
public final class SampleShop implements AutoCloseable {

    /** The ready probe: {@code ShopController#ping}, so no handler a test plays is called before the test does. */
    private static final String READY_PATH = "/api/ping";

    /** {@code java.lang.IllegalStateException: message}: a qualified class name at the start of the line. */
    private static final Pattern STACK_TRACE_HEAD = Pattern.compile("([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: .*)?");

    private final ForkedJvm.Running jvm;
    private final HttpProbe http;

    private SampleShop(ForkedJvm.Running jvm, HttpProbe http) {
        this.jvm = jvm;
        this.http = http;
    }

    /** Starts the shop as configured in {@code jvm} (agent, JVM options) and waits until it answers. */
    public static SampleShop start(ForkedJvm jvm, Path work) throws Exception {
        int port = HttpProbe.freePort();
        ForkedJvm.Running running = jvm.jar(TestPaths.sampleAppJar(), "--server.port=" + port, "--server.address=127.0.0.1")
                .timeout(Duration.ofSeconds(60)).start(work);
        HttpProbe http = new HttpProbe(port);
        // Generous: Spring Boot takes ~8 s here when the machine is not busy with other builds.
        http.awaitReady(READY_PATH, running, Duration.ofSeconds(90));
        return new SampleShop(running, http);
    }

    public long pid() {
        return jvm.pid();
    }

    public HttpProbe http() {
        return http;
    }

    /**
     * The distinct exceptions of the shop's log so far (the first line of each stack trace): why a
     * request failed, for assertion messages.
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
