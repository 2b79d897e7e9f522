package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code DataSource#getConnection} implementations: the wait for a connection (a
 * pool's queue, or a new connection's handshake) as an operation of kind sql named after the data
 * source's class. A data source delegating to another counts once, and statements a pool runs to
 * check a connection count as part of getting it.
 */
final class JdbcConnectionAdvice {

    private JdbcConnectionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterConnection(@Advice.Local("start") long start) {
        Object token = Recorder.enterJdbc();
        start = System.nanoTime();
        return token;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitConnection(@OperationId int operation, @Advice.Enter Object token,
                               @Advice.Local("start") long start, @Advice.Thrown Throwable thrown) {
        if (token != null) {
            Recorder.exitConnection(token, operation, System.nanoTime() - start, thrown != null);
        }
    }
}
