package dev.sonde.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

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
        return runFrom(TestPaths.agentJar(), args);
    }

    /** The command line of another agent jar, as a user who keeps two versions runs it. */
    public ForkedJvm.Result runFrom(Path agentJar, Object... args) throws Exception {
        String[] words = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            words[i] = String.valueOf(args[i]);
        }
        String name = "cli-" + RUNS.incrementAndGet() + "-" + (words.length == 0 ? "none" : words[0]);
        // Above the commands' own bounds (15 s to reach a JVM, 60 s for its answer): a slow machine
        // makes a command slow, and the test then fails on what the command says, not on a kill.
        return ForkedJvm.on(jdk).jar(agentJar, words).timeout(Duration.ofSeconds(90)).run(work.resolve(name));
    }

    /** A command that worked: exit 0 and nothing on stderr. */
    public static void assertSucceeded(ForkedJvm.Result command) {
        assertThat(command.exitCode()).as(command.describe()).isZero();
        assertThat(command.stderr()).as(command.describe()).isEmpty();
    }

    /** The final report a {@code detach} says it wrote. */
    public static Path finalReport(ForkedJvm.Result detach) {
        Matcher matcher = Pattern.compile("report written to (\\S+\\.json)").matcher(detach.stdout());
        assertThat(matcher.find()).as(detach.describe()).isTrue();
        return Path.of(matcher.group(1));
    }
}
