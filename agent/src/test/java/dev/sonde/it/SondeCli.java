package dev.sonde.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * sonde's command line as users run it: {@code java -jar sonde-agent.jar <args>} in a JVM of its own,
 * on the given JDK, each run with its own output files under a test's work directory.
 */
public final class SondeCli {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Jdks.Jdk jdk;
    private final Path work;

    public SondeCli(Jdks.Jdk jdk, Path work) {
        this.jdk = jdk;
        this.work = work;
    }

    public ForkedJvm.Result run(Object... args) throws Exception {
        String[] words = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            words[i] = String.valueOf(args[i]);
        }
        String name = "cli-" + RUNS.incrementAndGet() + "-" + (words.length == 0 ? "none" : words[0]);
        return ForkedJvm.on(jdk).jar(TestPaths.agentJar(), words).timeout(Duration.ofSeconds(30)).run(work.resolve(name));
    }
}
