package dev.sonde.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WriteProblemTest {

    @TempDir
    Path directory;

    @Test
    void anUnwritableDirectoryIsSaidAboutTheUsersFileNotTheTemporaryOne() {
        Path target = directory.resolve("locked/r.json");
        IOException e = new AccessDeniedException(directory.resolve("locked/.r.json1234567.tmp").toString());

        assertThat(WriteProblem.describe(target, e)).isEqualTo("permission denied in " + directory.resolve("locked"));
    }

    @Test
    void aTargetThatIsADirectoryIsSaidSo() throws Exception {
        Path target = Files.createDirectories(directory.resolve("r.json"));
        try {
            new JsonReportWriter().write(TestReports.report(), target);
        } catch (IOException e) {
            assertThat(WriteProblem.describe(target, e)).isEqualTo("is a directory, not a file");
        }
    }

    @Test
    void theFileSystemsReasonIsKeptWithoutTheExceptionName() {
        IOException e = new FileSystemException(directory.resolve(".r.json1.tmp").toString(), null, "Read-only file system");

        assertThat(WriteProblem.describe(directory.resolve("r.json"), e)).isEqualTo("read-only file system");
    }
}
