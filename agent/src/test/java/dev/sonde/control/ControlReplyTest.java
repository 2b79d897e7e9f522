package dev.sonde.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlReplyTest {

    @TempDir
    Path dir;

    @Test
    void aReplyIsOkOrAnErrorWithAMessageForTheUser() {
        assertThat(ControlReply.isOk(ControlReply.ok("/tmp/r.json"))).isTrue();
        assertThat(ControlReply.message(ControlReply.ok("/tmp/r.json"))).isEqualTo("/tmp/r.json");
        assertThat(ControlReply.isOk(ControlReply.error("no"))).isFalse();
        assertThat(ControlReply.message(ControlReply.error("no"))).isEqualTo("no");
    }

    @Test
    void theCommandLineReadsTheReplyOnceAndRemovesTheFile() throws IOException {
        Path file = dir.resolve("reply.txt");
        ControlReply.write(file, ControlReply.ok("line one\nline two"));

        assertThat(ControlReply.take(file, ProcessHandle.current().pid())).contains("ok line one line two");
        assertThat(file).doesNotExist();
        assertThat(ControlReply.take(file, ProcessHandle.current().pid())).isEmpty();
    }

    @Test
    void aFilePlantedWhereTheReplyGoesIsNotOverwrittenNorFollowed() throws IOException {
        Path target = Files.writeString(dir.resolve("precious"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("reply.txt"), target);

        assertThatThrownBy(() -> ControlReply.write(link, ControlReply.ok("x"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("keep");
    }

    @Test
    void replyFileNamesAreAbsoluteAndUnguessable() {
        Path one = ControlReply.newFileFor(42);
        assertThat(one).isAbsolute();
        assertThat(one.getFileName().toString()).startsWith("sonde-reply-42-").endsWith(".txt");
        assertThat(ControlReply.newFileFor(42)).isNotEqualTo(one);
    }
}
