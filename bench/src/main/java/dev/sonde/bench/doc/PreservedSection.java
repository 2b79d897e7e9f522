package dev.sonde.bench.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section of a page that bench/run does not measure itself but must not drop when it rewrites the
 * page: the text between {@code <!-- preserved: NAME -->} and {@code <!-- /preserved: NAME -->}
 * (markers included), written by hand from another benchmark's run (such as bench/request-cost).
 */
final class PreservedSection {

    private PreservedSection() {
    }

    /** The section of {@code page} named {@code name}, markers included; empty if the page or the section is missing. */
    static String of(Path page, String name) {
        String start = "<!-- preserved: " + name + " -->";
        String end = "<!-- /preserved: " + name + " -->";
        try {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            int from = text.indexOf(start);
            int to = text.indexOf(end, Math.max(from, 0));
            return from < 0 || to < 0 ? "" : text.substring(from, to + end.length());
        } catch (IOException e) {
            return "";
        }
    }
}
