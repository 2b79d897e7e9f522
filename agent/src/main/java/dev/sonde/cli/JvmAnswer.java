package dev.sonde.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One question to a target JVM (an attach, a JMX connection, a request to its sonde), asked on a
 * daemon thread of its own and waited for at most a bound. Neither the attach API nor JMX gives up
 * by itself: a JVM that accepted a connection and then stopped answering ({@code kill -STOP}, a hang)
 * blocks the reading thread for ever. So the command waits for that thread, not in it, and gives up
 * on it after the bound; the thread stays blocked, but as a daemon it does not keep the command alive.
 */
final class JvmAnswer<T> {

    /** Something the command does with a JVM, which may never end. */
    interface Question<T> {
        T ask() throws Exception;
    }

    /**
     * Attaching, reading the JVM's properties, starting and connecting its JMX connector: quick in a
     * JVM that runs. A JVM never contacted before gets the attach API's own timeout (10 s) to open its
     * attach socket; the margin above it keeps the attach API's own, more precise message for that case.
     */
    static final Duration CONTACT = Duration.ofSeconds(15);

    /**
     * A request that makes the JVM work: instrumenting its classes or restoring them, writing a report.
     * Seconds even in a large application; a profile gets its duration on top.
     */
    static final Duration REQUEST = Duration.ofSeconds(60);

    private final long pid;
    private final String question;
    private final CompletableFuture<T> answer = new CompletableFuture<>();

    private JvmAnswer(long pid, String question) {
        this.pid = pid;
        this.question = question;
    }

    /** Starts asking; {@code question} names it in the message if no answer comes ("the dump request"). */
    static <T> JvmAnswer<T> ask(long pid, String question, Question<T> asking) {
        JvmAnswer<T> pending = new JvmAnswer<>(pid, question);
        Thread thread = new Thread(() -> pending.complete(asking), "sonde-ask-" + pid);
        thread.setDaemon(true);
        thread.start();
        return pending;
    }

    /**
     * Asks and waits at most {@code bound} for the answer; no answer by then is a {@link TargetException}
     * that names the question and the bound.
     */
    static <T> T answerWithin(Duration bound, long pid, String question, Question<T> asking) throws TargetException {
        JvmAnswer<T> pending = ask(pid, question, asking);
        return pending.within(bound).orElseThrow(() -> new TargetException("JVM " + pid + " did not answer "
                + question + " within " + bound.getSeconds() + " s (is it stopped, e.g. by kill -STOP, or hung?)"));
    }

    private void complete(Question<T> asking) {
        try {
            answer.complete(asking.ask());
        } catch (Throwable failure) {
            answer.completeExceptionally(failure);
        }
    }

    /**
     * The answer, waited for at most {@code bound}; empty if none came by then. A {@link TargetException}
     * of the question's own passes as it is; any other failure is described as an attach failure
     * ({@link AttachFailure}).
     */
    Optional<T> within(Duration bound) throws TargetException {
        try {
            return Optional.of(answer.get(bound.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while waiting for JVM " + pid + " to answer " + question);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TargetException) {
                throw (TargetException) cause;
            }
            throw new TargetException(AttachFailure.describe(cause, pid));
        }
    }
}
