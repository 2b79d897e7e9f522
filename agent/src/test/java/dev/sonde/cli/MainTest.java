package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    void aCommandThatFailsWithAnErrorSaysSoInOneLineWithoutAStackTrace() {
        Command failing = new Command() {
            @Override
            public String name() {
                return "top";
            }

            @Override
            public String summary() {
                return "fails";
            }

            @Override
            public String usage() {
                return "usage: top";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                // What JLine throws when the terminal fails.
                throw new IOError(new IOException("Input/output error"));
            }
        };

        int status = Main.runCommand(failing, List.of(), new PrintStream(out, true), new PrintStream(err, true));

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).startsWith("sonde top: failed: java.io.IOError").hasLineCount(1);
        assertThat(text(out)).isEmpty();
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
