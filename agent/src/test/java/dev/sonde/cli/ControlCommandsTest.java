package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** attach, dump, detach and list: wrong usage is refused before any JVM is touched. */
class ControlCommandsTest {

    @Test
    void helpListsTheLiveCommands() {
        CliRun run = CliRun.of("help");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("  attach ", "  dump ", "  detach ", "  list ");
    }

    @Test
    void eachCommandWithoutAPidAsksForOneAndShowsItsUsage() {
        for (String command : new String[]{"attach", "dump", "detach"}) {
            CliRun run = CliRun.of(command);
            assertThat(run.exitCode).as(command).isEqualTo(2);
            assertThat(run.err).as(command).startsWith("sonde " + command + ": which JVM? give its pid")
                    .contains("usage: java -jar sonde-agent.jar " + command + " <pid>");
        }
    }

    @Test
    void aPidThatIsNotANumberIsAUsageError() {
        CliRun run = CliRun.of("dump", "my-service");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("sonde dump: 'my-service' is not a process id (find it with: java -jar sonde-agent.jar list)");
    }

    @Test
    void dumpTakesOnlyItsOwnOptions() {
        assertThat(CliRun.of("dump", "1", "--outt", "x").err).startsWith("sonde dump: unknown option --outt");
        assertThat(CliRun.of("dump", "1", "--out").err).startsWith("sonde dump: --out needs a value");
        assertThat(CliRun.of("detach", "1", "2").err).startsWith("sonde detach: one pid at a time");
        assertThat(CliRun.of("list", "extra").err).startsWith("sonde list: list takes no arguments");
    }

    @Test
    void aPidWithNoProcessIsOneLineAndExitTwo() {
        long pid = Long.MAX_VALUE / 2;
        CliRun run = CliRun.of("detach", pid);
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("sonde detach: no process with pid " + pid + " (has it exited?)");
        assertThat(run.out).isEmpty();
    }

    @Test
    void anInvalidPatternIsRefusedBeforeAnyJvmIsTouched() {
        CliRun run = CliRun.of("attach", String.valueOf(Long.MAX_VALUE / 2), "include=com..acme");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("sonde attach: invalid configuration: invalid pattern 'com..acme'")
                .endsWith("(nothing was sent to the JVM)");
    }

    @Test
    void aWrongSlowRuleIsAUsageErrorBeforeAnyJvmIsTouched() {
        CliRun run = CliRun.of("profile", "1", "--slow", "GET /api/orders>soon");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("sonde profile: --slow: invalid profile.slow 'GET /api/orders>soon':"
                + " the threshold is a duration (50ms, 2s) or a percentile (p95, p99)");
        assertThat(CliRun.of("profile", "1", "--slow", " ; ").err)
                .startsWith("sonde profile: --slow names an operation and a threshold, e.g. \"GET /api/orders>50ms\"");
    }
}
