package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a driver's {@code Statement#addBatch(String)}: a plain statement's batch has no text
 * of its own, so it is named by the first statement added (kept until the batch runs).
 */
final class JdbcAddBatchAdvice {

    private JdbcAddBatchAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void added(@Advice.This Object statement, @Advice.Argument(0) String sql) {
        if (!(statement instanceof java.sql.PreparedStatement)) {
            Recorder.statementPrepared(statement, sql);
        }
    }
}
