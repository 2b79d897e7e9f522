package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a driver's {@code Statement#execute*(String, ...)}: times the execution as the
 * operation of the text it was given. Only the outermost JDBC call of a thread counts (a pool's
 * statement delegating to the driver's, a driver's {@code executeQuery} calling its own
 * {@code execute}): {@link Recorder#enterJdbc} answers null to the others.
 */
final class JdbcTextAdvice {

    private JdbcTextAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterStatement(@Advice.Local("start") long start) {
        Object token = Recorder.enterJdbc();
        start = System.nanoTime();
        return token;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitStatement(@Advice.This Object statement, @Advice.Argument(0) String sql,
                              @Advice.Enter Object token, @Advice.Local("start") long start,
                              @Advice.Thrown Throwable thrown) {
        if (token != null) {
            Recorder.exitStatement(token, statement, sql, false, System.nanoTime() - start, thrown != null);
        }
    }
}
