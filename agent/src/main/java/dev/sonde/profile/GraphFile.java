package dev.sonde.profile;

import dev.sonde.report.AtomicMove;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A flame graph file that sonde writes itself (converted from a JFR recording): written aside,
 * then moved into place, so a JVM that ends mid-write leaves the whole file or none.
 */
final class GraphFile {

    /** Writes the content to an output stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private GraphFile() {
    }

    static void write(Path file, Content content) throws IOException {
        Path aside = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(aside)) {
                content.writeTo(out);
            }
            AtomicMove.intoPlace(aside, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(aside);
            throw e;
        }
    }
}
