package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("help")).isZero();
        assertThat(text(out)).contains("usage: java -jar sonde-agent.jar <command>");
    }

    @Test
    void noCommandIsAUsageErrorOnStderr() {
        assertThat(run()).isEqualTo(2);
        assertThat(text(err)).contains("usage:");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void unknownCommandIsNamedAndExitsWithTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(text(err)).startsWith("sonde: unknown command 'frobnicate'");
    }

    @Test
    void versionPrintsOneLine() {
        assertThat(run("--version")).isZero();
        assertThat(text(out)).startsWith("sonde ").hasLineCount(1);
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
