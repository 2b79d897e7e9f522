package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a driver's {@code execute*()} without text: a prepared or callable statement's
 * execution, or any statement's {@code executeBatch}. The operation is the text the statement was
 * prepared with ({@link JdbcPrepareAdvice}); a plain statement's batch is named by the first text
 * added to it ({@link JdbcAddBatchAdvice}), which it then forgets for its next batch. A batch is one
 * execution, whatever its size.
 */
final class JdbcPreparedAdvice {

    private JdbcPreparedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterStatement(@Advice.Local("start") long start) {
        Object token = Recorder.enterJdbc();
        start = System.nanoTime();
        return token;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitStatement(@Advice.This Object statement, @Advice.Enter Object token,
                              @Advice.Local("start") long start, @Advice.Thrown Throwable thrown) {
        if (token != null) {
            Recorder.exitStatement(token, statement, null, !(statement instanceof java.sql.PreparedStatement),
                    System.nanoTime() - start, thrown != null);
        }
    }
}
