package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JvmAnswerTest {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Test
    void aQuestionNeverAnsweredEndsAfterTheBoundWithOneLineNamingIt() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> JvmAnswer.answerWithin(Duration.ofSeconds(1), 4242, "the dump request", () -> {
            NEVER.await();
            return "never";
        })).isInstanceOf(TargetException.class).hasMessage("JVM 4242 did not answer the dump request within 1 s"
                + " (is it stopped, e.g. by kill -STOP, or hung?)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerInTimeIsReturned() throws TargetException {
        assertThat(JvmAnswer.answerWithin(Duration.ofSeconds(5), 4242, "the dump request", () -> "written")).isEqualTo("written");
    }

    @Test
    void theQuestionsOwnOneLineFailurePassesAsItIs() {
        assertThatThrownBy(() -> JvmAnswer.answerWithin(Duration.ofSeconds(5), 4242, "the dump request", () -> {
            throw new TargetException("sonde was detached from this JVM");
        })).isInstanceOf(TargetException.class).hasMessage("sonde was detached from this JVM");
    }

    @Test
    void anAttachApiFailureIsDescribedInOneLine() {
        assertThatThrownBy(() -> JvmAnswer.answerWithin(Duration.ofSeconds(5), 4242, "the attach request", () -> {
            throw new java.io.IOException("No such process");
        })).isInstanceOf(TargetException.class).hasMessage("no process with pid 4242 (has it exited?)");
    }

    @Test
    void theAskingThreadDoesNotKeepTheCommandAlive() throws TargetException {
        assertThat(JvmAnswer.answerWithin(Duration.ofSeconds(5), 4242, "the attach request",
                () -> Thread.currentThread().isDaemon())).isTrue();
    }
}
