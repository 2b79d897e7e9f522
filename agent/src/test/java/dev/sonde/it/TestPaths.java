package dev.sonde.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the build put what integration tests need (system properties set by failsafe in agent/pom.xml). */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path agentJar() {
        return existing("sonde.agentJar");
    }

    public static Path testClasses() {
        return existing("sonde.testClasses");
    }

    public static Path sampleAppJar() {
        return existing("sonde.sampleAppJar");
    }

    /** The start-up benchmark's Spring Boot + JPA application (Hibernate, H2), {@code bench/startup-app}. */
    public static Path clinicAppJar() {
        return existing("sonde.clinicAppJar");
    }

    /**
     * The executable jar {@code test-apps/<module>/target/<name>.jar}, which only a build of that
     * module makes: the message names the command when it is missing.
     */
    public static Path testAppJar(String module, String name) {
        Path jar = Paths.get(System.getProperty("sonde.testAppsDirectory", "../test-apps"))
                .resolve(module).resolve("target").resolve(name + ".jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first"
                    + " (mvn -B -pl sample-app,test-apps/" + module + ",agent verify ...)");
        }
        return jar;
    }

    /** A fresh directory for one forked run, under target/it-work. */
    public static Path workDirectory(String name) {
        Path root = Paths.get(System.getProperty("sonde.itWork", "target/it-work"));
        Path directory = root.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + System.nanoTime());
        return directory.toAbsolutePath();
    }

    /** The test classes and every test dependency (servers such as Tomcat and Jetty), as class path entries. */
    public static Path[] testClasspath() throws java.io.IOException {
        String entries = Files.readString(existing("sonde.itClasspathFile")).trim();
        Stream<Path> dependencies = Stream.of(entries.split(java.io.File.pathSeparator)).map(Paths::get);
        return Stream.concat(Stream.of(testClasses()), dependencies).toArray(Path[]::new);
    }

    /** The jars of libraries that a test application ships itself (other versions than the agent's). */
    public static List<Path> applicationLibraries() throws java.io.IOException {
        try (Stream<Path> jars = Files.list(existing("sonde.itLibs"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    /** The OpenTelemetry Java agent, another agent to run beside sonde. */
    public static Path openTelemetryAgent() {
        return existing("sonde.itAgents").resolve("opentelemetry-javaagent.jar");
    }

    /** JaCoCo's agent, which adds a method ({@code $jacocoInit}) to every class it instruments. */
    public static Path jacocoAgent() {
        return existing("sonde.itAgents").resolve("jacocoagent.jar");
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run through mvn verify");
        }
        Path path = Paths.get(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " = " + path + " does not exist: build it first (mvn -B verify)");
        }
        return path;
    }
}
