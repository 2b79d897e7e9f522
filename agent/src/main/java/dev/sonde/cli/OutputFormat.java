package dev.sonde.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code --format} of {@code report} and {@code diff}. */
enum OutputFormat {
    TABLE, MARKDOWN, JSON, HTML;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text}, if it is one of {@code allowed}. */
    static OutputFormat parse(String text, List<OutputFormat> allowed) throws UsageException {
        for (OutputFormat format : allowed) {
            if (format.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new UsageException("--format takes " + keys(allowed) + ", not '" + text + "'");
    }

    static String keys(List<OutputFormat> formats) {
        return formats.stream().map(OutputFormat::key).collect(Collectors.joining("|"));
    }

    static List<OutputFormat> all() {
        return Arrays.asList(values());
    }
}
