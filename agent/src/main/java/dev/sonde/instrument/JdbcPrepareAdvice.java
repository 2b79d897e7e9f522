package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a driver's (or pool's) {@code Connection#prepareStatement(String, ...)} and
 * {@code prepareCall(String, ...)}: remembers the text for the statement returned, which its
 * executions are named by. Not timed: preparing is the driver's bookkeeping, executing is the query.
 */
final class JdbcPrepareAdvice {

    private JdbcPrepareAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void prepared(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
        Recorder.statementPrepared(statement, sql);
    }
}
