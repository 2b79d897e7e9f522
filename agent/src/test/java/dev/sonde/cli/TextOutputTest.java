package dev.sonde.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TextOutputTest {

    @TempDir
    Path directory;

    @Test
    void aConsoleThatCannotShowTypographyGetsItSpelledInAscii() {
        assertThat(TextOutput.forConsole("p99 12.3 µs · 200 → 300 calls ▲ 9.7× ❌", StandardCharsets.US_ASCII))
                .isEqualTo("p99 12.3 us | 200 -> 300 calls ^ 9.7x [regression]");
    }

    @Test
    void aUtf8ConsoleGetsTheTextAsIs() {
        String text = "p99 12.3 µs · 200 → 300 calls ▲";
        assertThat(TextOutput.forConsole(text, StandardCharsets.UTF_8)).isSameAs(text);
    }

    @Test
    void aFileIsWrittenWholeInUtf8WithNothingLeftBehind() throws Exception {
        Path target = directory.resolve("deep/page.html");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        TextOutput.deliver("12.3 µs", target, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("12.3 µs");
        assertThat(console.size()).isZero();
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }
}
