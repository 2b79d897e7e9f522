package dev.sonde.it;

import com.acme.jdbcapp.JdbcApp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * JDBC statements as operations, with real drivers in forked JVMs on both JDKs: H2 embedded, and a
 * real PostgreSQL server (Debian's package, started by the test) through its official driver and a
 * HikariCP pool, whose proxies delegate to the driver's statements (each execution counts once).
 */
class JdbcIT {

    private static final String CALLER = "com.acme.jdbcapp.OwnerRepository#countNamed";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void h2StatementsAreOperationsPerNormalisedTextWithExactCountsAndNoLiteral(Jdks.Jdk jdk) throws Exception {
        Path out = TestPaths.workDirectory("jdbc-h2-" + jdk.major()).resolve("out");
        ForkedJvm.Result result = runApp(jdk, out, "h2");

        ReportFile report = ReportFile.onlyIn(out);
        assertStatements(report, result, "org.h2.jdbcx.JdbcDataSource#getConnection",
                "SELECT COUNT(*) FROM owners a, owners b, owners c, owners d WHERE a.name <> ?");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void postgresqlThroughHikariCountsEachExecutionOnceWithExactCountsAndNoLiteral(Jdks.Jdk jdk) throws Exception {
        Path out = TestPaths.workDirectory("jdbc-postgresql-" + jdk.major()).resolve("out");
        try (PostgresServer server = PostgresServer.start()) {
            ForkedJvm.Result result = runApp(jdk, out, "postgresql", server.jdbcUrl(), PostgresServer.USER);

            ReportFile report = ReportFile.onlyIn(out);
            assertStatements(report, result, "com.zaxxer.hikari.HikariDataSource#getConnection",
                    "SELECT COUNT(*) FROM owners, pg_sleep(?) WHERE name <> ?");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void jdbcOffRecordsNoStatement(Jdks.Jdk jdk) throws Exception {
        Path out = TestPaths.workDirectory("jdbc-off-" + jdk.major()).resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + CALLER + ",jdbc=off,out=" + out)
                .classpath(TestPaths.testClasspath())
                .mainClass(JdbcApp.class, "h2")
                .run(out.getParent());
        assertThat(result.exitCode()).as(result.describe()).isZero();
        ReportFile report = ReportFile.onlyIn(out);
        assertThat(report.counts()).containsOnlyKeys(CALLER);
        JsonNode caller = report.operation(CALLER);
        assertThat(caller.get("selfNs").get("total").asLong()).isEqualTo(caller.get("latencyNs").get("total").asLong());
    }

    private static ForkedJvm.Result runApp(Jdks.Jdk jdk, Path out, String... arguments) throws Exception {
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + CALLER + ",out=" + out)
                .classpath(TestPaths.testClasspath())
                .mainClass(JdbcApp.class, arguments)
                .run(out.getParent());
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).contains("failing statement failed as it should", "jdbc app done");
        return result;
    }

    private static void assertStatements(ReportFile report, ForkedJvm.Result result, String getConnection,
                                         String countQuery) throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(?), city VARCHAR(?))", 1L);
        // A batch of ROWS rows is one execution.
        expected.put("INSERT INTO owners (id, name, city) VALUES (?, ?, ?)", 1L);
        expected.put("SELECT name FROM owners WHERE city = ?", (long) JdbcApp.CITY_QUERIES);
        // IN lists of 3, 1 and 4 values: one operation.
        expected.put("SELECT id FROM owners WHERE name IN (?)", (long) JdbcApp.IN_QUERIES);
        // A plain statement's batch, named by its first statement.
        expected.put("UPDATE owners SET city = ? WHERE id = ?", 1L);
        expected.put("SELECT * FROM no_such_table WHERE name = ?", 1L);
        expected.put("SELECT id, name FROM owners WHERE name = ? OR id = ?", (long) JdbcApp.LOOKUPS);
        expected.put(countQuery, (long) JdbcApp.COUNTS);
        expected.put(getConnection, (long) JdbcApp.CONNECTIONS);
        assertThat(report.counts()).as(report.path().toString()).containsAllEntriesOf(expected)
                .containsEntry(CALLER, (long) JdbcApp.COUNTS);
        for (String name : expected.keySet()) {
            assertThat(report.operation(name).get("kind").asText()).as(name).isEqualTo("sql");
        }

        assertThat(report.operation("SELECT * FROM no_such_table WHERE name = ?").get("errors").asLong()).isEqualTo(1);
        assertThat(report.operation("SELECT name FROM owners WHERE city = ?").get("errors").asLong()).isZero();
        JsonNode lookup = report.operation("SELECT id, name FROM owners WHERE name = ? OR id = ?");
        assertThat(lookup.get("sql").get("text").asText()).isEqualTo("SELECT id, name FROM owners WHERE name = ? OR id = ?");
        assertThat(lookup.get("sql").get("summary").asText()).isEqualTo("SELECT owners");
        assertThat(report.operationNames()).noneMatch(name -> name.startsWith("(statement prepared"));

        String json = Files.readString(report.path());
        String logs = result.stdout() + result.stderr();
        for (String secret : JdbcApp.SECRETS) {
            assertThat(json).as("the report holds no literal or bind value").doesNotContain(secret);
            assertThat(logs).as("the logs hold no literal or bind value").doesNotContain(secret);
        }

        // The caller's self time leaves out the statement it ran: its one timed callee.
        JsonNode caller = report.operation(CALLER);
        long callerTotal = caller.get("latencyNs").get("total").asLong();
        long statementTotal = report.operation(countQuery).get("latencyNs").get("total").asLong();
        assertThat(statementTotal).isGreaterThan(callerTotal / 2);
        assertThat(caller.get("selfNs").get("total").asLong())
                .isCloseTo(callerTotal - statementTotal, within(Math.max(50_000L, callerTotal / 100)));
    }
}
