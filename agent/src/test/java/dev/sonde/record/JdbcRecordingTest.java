package dev.sonde.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcRecordingTest {

    private static final long MS = 1_000_000;

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, true));

    @Test
    void aJdbcCallInsideAnotherOnTheSameThreadIsNotCountedAgain() {
        Object outer = recorder.enterJdbc();
        assertThat(recorder.enterJdbc()).as("the driver's statement under the pool's proxy").isNull();
        recorder.exitStatement(outer, new Object(), "SELECT a FROM t WHERE id = 7", false, 3 * MS, false);

        Object next = recorder.enterJdbc();
        assertThat(next).as("the next call is outermost again").isNotNull();
        recorder.exitStatement(next, new Object(), "SELECT a FROM t WHERE id = 8", false, 2 * MS, true);

        OperationSnapshot statement = recorder.snapshotOf("SELECT a FROM t WHERE id = ?").orElseThrow();
        assertThat(statement.count()).isEqualTo(2);
        assertThat(statement.errors()).isEqualTo(1);
        assertThat(statement.kind()).isEqualTo(OperationKind.SQL);
    }

    @Test
    void aCallersSelfTimeLeavesItsStatementsOut() {
        int caller = registry.register("com.acme.Repository#find", OperationKind.METHOD);
        Object frame = recorder.enter();
        Object statement = recorder.enterJdbc();
        recorder.exitStatement(statement, new Object(), "SELECT 1", false, 7 * MS, false);
        recorder.exit(frame, caller, 10 * MS, false);

        assertThat(recorder.snapshotOf("com.acme.Repository#find").orElseThrow().selfTotalNanos()).isEqualTo(3 * MS);
    }

    @Test
    void aPreparedStatementIsNamedByTheTextItWasPreparedWith() {
        Object prepared = new Object();
        recorder.statementPrepared(prepared, "UPDATE t SET a = 'x' WHERE id = 3");
        for (int i = 0; i < 3; i++) {
            recorder.exitStatement(recorder.enterJdbc(), prepared, null, false, MS, false);
        }
        OperationSnapshot update = recorder.snapshotOf("UPDATE t SET a = ? WHERE id = ?").orElseThrow();
        assertThat(update.count()).isEqualTo(3);
        assertThat(update.sqlSummary()).isEqualTo("UPDATE t");
    }

    @Test
    void statementsPastTheOperationCapShareTheOverflowOperation() {
        OperationRegistry small = new OperationRegistry(2);
        ThreadLocalRecorder capped = new ThreadLocalRecorder(small, new RecordingOptions(false, false));
        for (String table : new String[] {"a", "b", "c", "d"}) {
            capped.exitStatement(capped.enterJdbc(), new Object(), "SELECT x FROM " + table, false, MS, false);
        }
        assertThat(capped.snapshotOf(OperationRegistry.OVERFLOW).orElseThrow().count()).isEqualTo(2);
        assertThat(small.droppedCount()).isEqualTo(2);
    }

    @Test
    void aConnectionCallIsTimedAsItsBoundOperation() {
        int getConnection = registry.register("com.acme.Pool#getConnection", OperationKind.SQL);
        Object token = recorder.enterJdbc();
        assertThat(recorder.enterJdbc()).as("a statement the pool runs to check the connection").isNull();
        recorder.exitConnection(token, getConnection, 4 * MS, false);
        assertThat(recorder.snapshotOf("com.acme.Pool#getConnection").orElseThrow().count()).isEqualTo(1);
    }
}
