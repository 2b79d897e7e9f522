package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdviceFailuresTest {

    private final AdviceFailures failures = new AdviceFailures();

    @Test
    void withoutFailuresThereIsNoWarning() {
        assertThat(failures.warnings()).isEmpty();
    }

    @Test
    void eachPlaceIsCountedAndListedWithTheFailureSeenThereFirst() {
        saidOnStderr(() -> {
            failures.failed(new NullPointerException("frame is null"), "com.acme.X#m");
            for (int i = 0; i < 11; i++) {
                failures.failed(new IllegalStateException("later " + i), "com.acme.X#m");
            }
            failures.failed(new IllegalStateException(), "com.acme.A#b");
        });

        assertThat(failures.warnings()).containsExactly(
                "advice failed once in com.acme.A#b: first IllegalStateException",
                "advice failed 12 times in com.acme.X#m: first NullPointerException: frame is null");
    }

    @Test
    void theFirstFailureAtEachPlaceIsSaidOnceOnStderr() {
        List<String> lines = saidOnStderr(() -> {
            for (int i = 0; i < 5; i++) {
                failures.failed(new IllegalArgumentException("bad " + i), "com.acme.X#m");
                failures.failed(new IllegalArgumentException("bad " + i), "com.acme.Y#n");
            }
        });

        assertThat(lines).containsExactly(
                "[sonde] advice failed in com.acme.X#m; such calls run unchanged but are not recorded"
                        + " (said once for it; the report counts them): IllegalArgumentException: bad 0",
                "[sonde] advice failed in com.acme.Y#n; such calls run unchanged but are not recorded"
                        + " (said once for it; the report counts them): IllegalArgumentException: bad 0");
    }

    @Test
    void placesPastTheLimitAreCountedTogetherWithoutALineEach() {
        List<String> lines = saidOnStderr(() -> {
            for (int i = 0; i < AdviceFailures.MAX_PLACES + 3; i++) {
                failures.failed(new IllegalStateException(), "com.acme.Generated" + i + "#run");
            }
        });

        assertThat(lines).hasSize(AdviceFailures.MAX_PLACES);
        List<String> warnings = failures.warnings();
        assertThat(warnings).hasSize(AdviceFailures.MAX_PLACES + 1);
        assertThat(warnings).contains("advice failed 3 times in places past the first " + AdviceFailures.MAX_PLACES);
    }

    /** What {@code action} printed on stderr, line by line. */
    private static List<String> saidOnStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
