package dev.sonde.cli;

import dev.sonde.report.AtomicMove;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's rendered text goes: a file ({@code --out}, UTF-8, written atomically like
 * reports are, so a CI step never reads half a page) or standard output. On a console whose
 * encoding lacks the typographic characters sonde uses ({@code µ}, {@code →}, {@code ▲}...), they
 * are spelled in ASCII rather than printed as {@code ?}.
 */
final class TextOutput {

    private static final Map<String, String> ASCII_SPELLINGS = new LinkedHashMap<>();

    static {
        ASCII_SPELLINGS.put("µ", "u");
        ASCII_SPELLINGS.put("×", "x");
        ASCII_SPELLINGS.put("→", "->");
        ASCII_SPELLINGS.put("·", "|");
        ASCII_SPELLINGS.put("▲", "^");
        ASCII_SPELLINGS.put("▼", "v");
        ASCII_SPELLINGS.put("–", "-");
        ASCII_SPELLINGS.put("…", "...");
        ASCII_SPELLINGS.put("❌", "[regression]");
        ASCII_SPELLINGS.put("✅", "[ok]");
    }

    private TextOutput() {
    }

    /** Writes {@code text} to {@code file}, or prints it on {@code out} when {@code file} is null. */
    static void deliver(String text, Path file, PrintStream out) throws IOException {
        if (file == null) {
            out.print(forConsole(text, encodingOf(out)));
            out.flush();
        } else {
            writeAtomically(text, file);
        }
    }

    static String forConsole(String text, Charset encoding) {
        CharsetEncoder encoder = encoding.newEncoder();
        if (encoder.canEncode(text)) {
            return text;
        }
        String spelled = text;
        for (Map.Entry<String, String> spelling : ASCII_SPELLINGS.entrySet()) {
            if (!encoder.canEncode(spelling.getKey())) {
                spelled = spelled.replace(spelling.getKey(), spelling.getValue());
            }
        }
        return spelled;
    }

    /** The stream's own encoding where the JDK tells it (18+), else the one the JVM chose for stdout. */
    private static Charset encodingOf(PrintStream out) {
        try {
            Method charset = PrintStream.class.getMethod("charset");
            return (Charset) charset.invoke(out);
        } catch (ReflectiveOperationException | RuntimeException olderJdk) {
            String name = System.getProperty("stdout.encoding",
                    System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name()));
            try {
                return Charset.forName(name);
            } catch (RuntimeException unknown) {
                return StandardCharsets.US_ASCII;
            }
        }
    }

    private static void writeAtomically(String text, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            AtomicMove.intoPlace(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
