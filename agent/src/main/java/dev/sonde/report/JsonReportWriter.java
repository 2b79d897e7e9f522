package dev.sonde.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Report} as JSON, atomically: into a temporary file in the target directory,
 * flushed to disk, then renamed over the target. A reader never sees a half-written report, even
 * if the JVM dies mid-write (at worst a stray {@code .tmp} file is left).
 */
public final class JsonReportWriter {

    /**
     * One mapper for every writer, made on first use: creating it loads several hundred Jackson
     * classes, which must not happen while the agent starts (before the application's main).
     */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    public void write(Report report, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                Mapper.INSTANCE.writeValue(out, report);
                out.write('\n');
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temporary,
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            AtomicMove.intoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The report as JSON text, as a file would hold it (sent over JMX by the MBean's {@code cumulativeReport}). */
    public String toJson(Report report) throws IOException {
        return Mapper.INSTANCE.writeValueAsString(report);
    }

    /** The mapper, configured as reports are written (also used to read them back). */
    public ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }
}
