package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code top}'s wrong usage: one line naming the problem and the usage, exit 2, before any JVM is touched. */
class TopCommandTest {

    @Test
    void topWithoutAPidAsksForOne() {
        CliRun run = CliRun.of("top");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("sonde top: which JVM? give its pid (java -jar sonde-agent.jar list shows them)");
    }

    @Test
    void anUnknownSortKeyNamesTheKeysTopSortsBy() {
        CliRun run = CliRun.of("top", "4242", "--sort", "mean");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("sonde top: --sort takes one of p99|total|self|alloc|errors|count, not 'mean'");
    }

    @Test
    void anIntervalTooShortOrWithoutAUnitIsRefused() {
        assertThat(CliRun.of("top", "4242", "--interval", "10ms").errLines().get(0))
                .isEqualTo("sonde top: --interval must be at least 200ms, not '10ms'");
        assertThat(CliRun.of("top", "4242", "--interval", "2").exitCode).isEqualTo(2);
    }

    @Test
    void aProcessThatDoesNotExistIsOneLineAndNoUsage() {
        CliRun run = CliRun.of("top", String.valueOf(Integer.MAX_VALUE - 7), "--once");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo("sonde top: no process with pid " + (Integer.MAX_VALUE - 7) + " (has it exited?)\n");
    }

    @Test
    void helpDescribesTheKeysAndTheOptions() {
        CliRun run = CliRun.of("help", "top");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("--interval", "--sort", "--once", "q or Ctrl-C quit");
    }
}
