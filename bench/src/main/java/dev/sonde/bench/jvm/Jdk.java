package dev.sonde.bench.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** A JDK installation the benchmarks fork JVMs of: its home, version and tools. */
public final class Jdk {

    private final Path home;
    private final String version;

    private Jdk(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** The JDK running this JVM. */
    public static Jdk current() {
        return new Jdk(Paths.get(System.getProperty("java.home")), System.getProperty("java.version"));
    }

    /** The JDK at {@code home}, read from its {@code release} file. */
    public static Jdk at(Path home) throws IOException {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
        if (version.isEmpty() || !Files.isExecutable(home.resolve("bin/java"))) {
            throw new IOException(home + " is not a JDK (no release file with JAVA_VERSION, or no bin/java)");
        }
        return new Jdk(home.toRealPath(), version);
    }

    /**
     * The JDK with the highest feature version under {@code root} (e.g. /usr/lib/jvm), if it is
     * newer than {@code than}; the JDK tools (jfr) must be there, not only a runtime.
     */
    public static Optional<Jdk> newestUnder(Path root, Jdk than) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(root)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/jfr")))
                    .map(Jdk::tryAt)
                    .flatMap(Optional::stream)
                    .max(Comparator.comparingInt(Jdk::feature))
                    .filter(newest -> newest.feature() > than.feature());
        }
    }

    private static Optional<Jdk> tryAt(Path home) {
        try {
            return Optional.of(at(home));
        } catch (IOException notAJdk) {
            return Optional.empty();
        }
    }

    public Path home() {
        return home;
    }

    public String version() {
        return version;
    }

    /** The feature release number: 17 for 17.0.15, 25 for 25.0.3. */
    public int feature() {
        String first = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < first.length() && Character.isDigit(first.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(first.substring(0, end));
    }

    public Path java() {
        return tool("java");
    }

    public Path tool(String name) {
        return home.resolve("bin").resolve(name);
    }

    /** A short label for tables: {@code JDK 17}. */
    public String label() {
        return "JDK " + feature();
    }

    @Override
    public String toString() {
        return label() + " (" + version + ", " + home + ")";
    }
}
