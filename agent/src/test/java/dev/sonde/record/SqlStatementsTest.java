package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementsTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final SqlStatements statements = new SqlStatements(registry);
    private final WeakIdentityMap.Probe probe = new WeakIdentityMap.Probe();

    @Test
    void textsThatNormaliseAlikeShareOneSqlOperation() {
        int first = statements.operationOf("SELECT * FROM t WHERE id = 1");
        int second = statements.operationOf("SELECT * FROM t WHERE id = 2");
        assertThat(first).isEqualTo(second);
        Operation operation = registry.operation(first);
        assertThat(operation.kind).isEqualTo(OperationKind.SQL);
        assertThat(operation.sqlText).isEqualTo("SELECT * FROM t WHERE id = ?");
        assertThat(operation.sqlSummary).isEqualTo("SELECT t");
    }

    @Test
    void aPreparedStatementIsFoundByIdentityNotByEquality() {
        Object statement = new EqualToEverything();
        Object other = new EqualToEverything();
        statements.remember(statement, "SELECT a FROM t");
        assertThat(registry.operation(statements.operationOf(statement, probe)).sqlText).isEqualTo("SELECT a FROM t");
        assertThat(registry.operation(statements.operationOf(other, probe)).name).isEqualTo(SqlStatements.UNKNOWN);
    }

    @Test
    void aForgottenStatementHasNoTextAnyMore() {
        Object statement = new Object();
        statements.remember(statement, "INSERT INTO t VALUES (1)");
        statements.forget(statement, probe);
        assertThat(registry.operation(statements.operationOf(statement, probe)).name).isEqualTo(SqlStatements.UNKNOWN);
    }

    @Test
    void rememberingAStatementDoesNotKeepItAlive() throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            statements.remember(new Object(), "SELECT " + (i % 3) + " FROM t");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (statements.rememberedStatements() >= 10 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
            statements.remember(new Object(), "SELECT 1 FROM t");
        }
        assertThat(statements.rememberedStatements()).isLessThan(10);
    }

    @Test
    void theRepeatLookupOfAPreparedStatementAllocatesNothing() {
        Object statement = new Object();
        statements.remember(statement, "SELECT a FROM t WHERE id = ?");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 100_000; i++) {
            statements.operationOf(statement, probe);
            statements.operationOf("SELECT a FROM t WHERE id = ?");
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            statements.operationOf(statement, probe);
            statements.operationOf("SELECT a FROM t WHERE id = ?");
        }
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(10_000);
    }

    private static final class EqualToEverything {
        @Override
        public boolean equals(Object other) {
            return true;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
