package dev.sonde.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDKs integration tests run on: the one running the tests (17) and the newest other JDK found
 * under {@code /usr/lib/jvm} (or named by {@code SONDE_IT_SECOND_JDK}). No version is hard-coded.
 */
public final class Jdks {

    /** For a test that runs once on each JDK: {@code @MethodSource(Jdks.ALL)} with a {@link Jdk} parameter. */
    public static final String ALL = "dev.sonde.it.Jdks#all";

    private static final Path JVM_DIRECTORY = Paths.get("/usr/lib/jvm");

    private Jdks() {
    }

    /** Both JDKs; fails loudly if the second one is missing, because then half the suite would be silently skipped. */
    public static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        Jdk current = current();
        jdks.add(current);
        Jdk second = second(current).orElseThrow(() -> new IllegalStateException(
                "no second JDK (newer than " + current.major() + ") under " + JVM_DIRECTORY
                        + "; install one or set SONDE_IT_SECOND_JDK to its home"));
        jdks.add(second);
        return jdks;
    }

    public static Jdk current() {
        Path home = Paths.get(System.getProperty("java.home"));
        return new Jdk(home, Runtime.version().feature());
    }

    /** The newest JDK other than the current one; 21+ has virtual threads. */
    public static Jdk newest() {
        return all().get(1);
    }

    private static Optional<Jdk> second(Jdk current) {
        String configured = System.getenv("SONDE_IT_SECOND_JDK");
        if (configured != null && !configured.isEmpty()) {
            return describe(Paths.get(configured));
        }
        if (!Files.isDirectory(JVM_DIRECTORY)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVM_DIRECTORY)) {
            return homes.map(Jdks::describe)
                    .flatMap(Optional::stream)
                    .filter(jdk -> jdk.major() > current.major())
                    .max(Comparator.comparingInt(Jdk::major));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Jdk> describe(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            int major = Integer.parseInt(version.split("[.+-]")[0]);
            return Optional.of(new Jdk(home, major));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A JDK home and its feature version. */
    public static final class Jdk {
        private final Path home;
        private final int major;

        Jdk(Path home, int major) {
            this.home = home;
            this.major = major;
        }

        public Path java() {
            return home.resolve("bin/java");
        }

        public int major() {
            return major;
        }

        @Override
        public String toString() {
            return "JDK " + major;
        }
    }
}
