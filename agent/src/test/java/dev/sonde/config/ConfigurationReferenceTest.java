package dev.sonde.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md's table of keys, held to {@link Key}: every key is there, with its default. */
class ConfigurationReferenceTest {

    /** Surefire runs in the agent module; the docs are beside it. */
    private static final Path REFERENCE = Paths.get("..", "docs", "configuration.md");

    @Test
    void everyKeyHasARowThatStatesItsDefault() throws IOException {
        Map<String, String> defaultColumn = defaultColumnByKey();

        for (Key key : Key.values()) {
            assertThat(defaultColumn).as("a row for key %s in %s", key.keyName(), REFERENCE).containsKey(key.keyName());
            if (key.defaultValue() != null) {
                assertThat(defaultColumn.get(key.keyName())).as("the default of %s", key.keyName())
                        .startsWith("`" + key.defaultValue() + "`");
            }
        }
        assertThat(defaultColumn).as("rows for keys that do not exist").hasSameSizeAs(Key.values());
    }

    /** The first table whose rows start with a key in backticks: key → its third column (the default). */
    private static Map<String, String> defaultColumnByKey() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].trim().replace("`", ""), cells[3].trim());
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        return rows;
    }
}
