package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void optionsComeAnywhereInEitherSpelling() throws Exception {
        CommandLine line = CommandLine.parse(List.of("--top=3", "a.json", "--by", "p99", "--", "--odd-name.json"),
                Set.of("top", "by"));
        assertThat(line.positionals()).containsExactly("a.json", "--odd-name.json");
        assertThat(line.option("top")).contains("3");
        assertThat(line.option("by")).contains("p99");
    }

    @Test
    void anUnknownOptionOrAMissingValueIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--nope"), Set.of("top"))).hasMessage("unknown option --nope");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--top"), Set.of("top"))).hasMessage("--top needs a value");
    }
}
