package dev.sonde.bench.app;

import dev.sonde.bench.jvm.ExternalCommand;
import dev.sonde.bench.jvm.ForkedJvm;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The sample shop running in its own JVM on a free loopback port, with or without an agent. It is
 * started by {@link #start}, which returns once it answers {@code /api/ping} with 200 and knows how
 * long that took (the start-up time: from launching the process to the first 200).
 */
final class ShopProcess implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(10);
    /** Fixed heap, the same with and without an agent. */
    private static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g");

    private final Process process;
    private final int port;
    private final long startupNanos;

    private ShopProcess(Process process, int port, long startupNanos) {
        this.process = process;
        this.port = port;
        this.startupNanos = startupNanos;
    }

    /** Starts the shop with {@code jvmArgs} (an agent, or none) and waits until it answers. */
    static ShopProcess start(Jdk jdk, Path appJar, List<String> jvmArgs, Path log) throws IOException, InterruptedException {
        int port = freePort();
        ForkedJvm jvm = ForkedJvm.on(jdk).jvmArgs(HEAP).jvmArgs(jvmArgs).jar(appJar)
                .args(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
        HttpLoad probe = new HttpLoad(port);
        long started = System.nanoTime();
        Process process = jvm.start(log);
        long deadline = started + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (probe.status("/api/ping", Duration.ofSeconds(2)) == 200) {
                return new ShopProcess(process, port, System.nanoTime() - started);
            }
            if (!process.isAlive()) {
                throw new IOException("the sample app exited with " + process.exitValue() + " before answering; see " + log);
            }
            Thread.sleep(POLL.toMillis());
        }
        ExternalCommand.stop(process, Duration.ofSeconds(5));
        throw new IOException("the sample app did not answer within " + READY_LIMIT.toSeconds() + " s; see " + log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    double startupMillis() {
        return startupNanos / 1e6;
    }

    /** Stops the shop (SIGTERM, so an agent writes its shutdown report). */
    @Override
    public void close() throws InterruptedException {
        ExternalCommand.stop(process, Duration.ofSeconds(15));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
