package dev.sonde.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The fallback for an unwritable {@code out}, as docs/configuration.md and troubleshooting.md describe it. */
class OutputDirectoryTest {

    @TempDir
    Path temporary;
    private String savedTmpdir;
    private String savedUser;

    @BeforeEach
    void pointTheTemporaryDirectoryHere() {
        savedTmpdir = System.getProperty("java.io.tmpdir");
        savedUser = System.getProperty("user.name");
        System.setProperty("java.io.tmpdir", temporary.toString());
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", savedTmpdir);
        System.setProperty("user.name", savedUser);
    }

    @Test
    void anUnwritableOutFallsBackToADirectoryOfTheUsersOwnInTheTemporaryDirectory() throws IOException {
        Path notADirectory = Files.createFile(temporary.resolve("a-file"));
        System.setProperty("user.name", "alice");

        assertThat(OutputDirectory.choose(notADirectory)).isEqualTo(temporary.resolve("sonde-out-alice"));
        assertThat(temporary.resolve("sonde-out-alice")).isDirectory();
        assertThat(temporary.resolve("sonde-out")).doesNotExist();
    }

    @Test
    void anotherUsersFallbackDoesNotStandInTheWay() throws IOException {
        Path notADirectory = Files.createFile(temporary.resolve("a-file"));
        Files.createFile(temporary.resolve("sonde-out-bob"));
        System.setProperty("user.name", "alice");

        assertThat(OutputDirectory.choose(notADirectory)).isEqualTo(temporary.resolve("sonde-out-alice"));
    }

    @Test
    void charactersOtherThanLettersDigitsUnderscoreDotAndDashInTheUserNameBecomeUnderscores() throws IOException {
        Path notADirectory = Files.createFile(temporary.resolve("a-file"));
        System.setProperty("user.name", "ACME\\j doe");

        assertThat(OutputDirectory.choose(notADirectory)).isEqualTo(temporary.resolve("sonde-out-ACME_j_doe"));
    }
}
