package dev.sonde.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlNormalizerTest {

    private static String normalized(String sql) {
        return SqlNormalizer.normalize(sql);
    }

    @Test
    void stringAndNumberLiteralsBecomeQuestionMarks() {
        assertThat(normalized("SELECT * FROM owners WHERE last_name = 'Davis' AND id = 42 AND score > 3.5e-2"))
                .isEqualTo("SELECT * FROM owners WHERE last_name = ? AND id = ? AND score > ?");
    }

    @Test
    void aQuoteDoubledInsideAStringDoesNotEndIt() {
        assertThat(normalized("UPDATE t SET note = 'it''s 7 o''clock' WHERE id = 1"))
                .isEqualTo("UPDATE t SET note = ? WHERE id = ?");
    }

    @Test
    void prefixedAndEscapedStringsLoseTheirPrefixAndContent() {
        assertThat(normalized("SELECT E'sec\\'ret', N'name', X'0aff', B'101', U&'d\\0061t' FROM t"))
                .isEqualTo("SELECT ?, ?, ?, ?, ? FROM t");
    }

    @Test
    void dollarQuotedStringsAndHexNumbersAreLiterals() {
        assertThat(normalized("SELECT $$secret body$$, $tag$other $ body$tag$, 0xCAFE, .5 FROM t"))
                .isEqualTo("SELECT ?, ?, ?, ? FROM t");
    }

    @Test
    void digitsInsideNamesAndBindMarkersStay() {
        assertThat(normalized("SELECT t1.col_2, x FROM table3 t1 WHERE a = ? AND b = $1 AND c = :name"))
                .isEqualTo("SELECT t1.col_2, x FROM table3 t1 WHERE a = ? AND b = $1 AND c = :name");
    }

    @Test
    void quotedIdentifiersKeepTheirText() {
        assertThat(normalized("SELECT \"Weird 42\" FROM `tbl 7` WHERE x = 7"))
                .isEqualTo("SELECT \"Weird 42\" FROM `tbl 7` WHERE x = ?");
    }

    @Test
    void commentsAndWhitespaceCollapseToOneSpace() {
        assertThat(normalized("  SELECT /* secret 1 */ a,\n\t b -- a comment with 'x'\n FROM   t  "))
                .isEqualTo("SELECT a, b FROM t");
    }

    @Test
    void spacingAroundParenthesesAndCommasIsMadeCanonical() {
        assertThat(normalized("INSERT INTO t ( a ,b,c ) VALUES(?,?,?)"))
                .isEqualTo(normalized("INSERT INTO t (a, b, c) VALUES(?, ?, ?)"))
                .isEqualTo("INSERT INTO t (a, b, c) VALUES(?, ?, ?)");
    }

    @Test
    void inListsOfAnyLengthBecomeOneMarker() {
        String three = normalized("SELECT * FROM t WHERE id IN (1, 2, 3)");
        String five = normalized("SELECT * FROM t WHERE id in (?,?,?,?,?)");
        assertThat(three).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(five).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(normalized("SELECT * FROM t WHERE id IN (7)")).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(normalized("SELECT * FROM t WHERE id IN (-7, -14, 21)")).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(normalized("SELECT * FROM t WHERE id IN (-7)")).isEqualTo("SELECT * FROM t WHERE id IN (?)");
        assertThat(normalized("INSERT INTO t VALUES (1, -3), (2, -6), (-3, 9)")).isEqualTo("INSERT INTO t VALUES (?, ?)");
        assertThat(normalized("SELECT a - 1, -2 FROM t WHERE b = -5")).as("a minus that subtracts stays")
                .isEqualTo("SELECT a - ?, ? FROM t WHERE b = -?");
    }

    @Test
    void multiRowValuesBecomeOneRow() {
        assertThat(normalized("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z')"))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?, ?)");
    }

    @Test
    void anUnterminatedLiteralOrCommentSwallowsTheRestRatherThanLeakingIt() {
        assertThat(normalized("SELECT 'never closed secret")).isEqualTo("SELECT ?");
        assertThat(normalized("SELECT a /* never closed 42")).isEqualTo("SELECT a");
    }

    @Test
    void noDigitOrQuotedValueSurvivesAMixOfEverything() {
        String text = normalized("select x from t where a='s3cr3t' and b=-12 and c in (1,2) -- 99\n"
                + "and d=E'\\x41' and e=$q$ 77 $q$ and f = 1.5E10");
        assertThat(text).doesNotContain("s3cr3t", "12", "99", "41", "77", "1.5", "E10");
    }

    @Test
    void theSummaryIsTheVerbAndTheMainTable() {
        assertThat(SqlNormalizer.summary("SELECT o.id, o.name FROM owners o WHERE id = ?")).isEqualTo("SELECT owners");
        assertThat(SqlNormalizer.summary("select * from public.owners, pets")).isEqualTo("SELECT public.owners");
        assertThat(SqlNormalizer.summary("INSERT INTO visits (a) VALUES (?)")).isEqualTo("INSERT visits");
        assertThat(SqlNormalizer.summary("UPDATE pets SET name = ?")).isEqualTo("UPDATE pets");
        assertThat(SqlNormalizer.summary("DELETE FROM pets WHERE id = ?")).isEqualTo("DELETE pets");
        assertThat(SqlNormalizer.summary("{call refresh_stats(?)}")).isEqualTo("CALL refresh_stats");
        assertThat(SqlNormalizer.summary("{? = call next_id(?)}")).isEqualTo("CALL next_id");
        assertThat(SqlNormalizer.summary("WITH r AS (SELECT 1) SELECT * FROM r")).isEqualTo("SELECT r");
        assertThat(SqlNormalizer.summary("CREATE TABLE t (a INT)")).isEqualTo("CREATE TABLE t");
        assertThat(SqlNormalizer.summary("DROP INDEX IF EXISTS owners_city")).isEqualTo("DROP INDEX owners_city");
        assertThat(SqlNormalizer.summary("TRUNCATE owners")).isEqualTo("TRUNCATE owners");
        assertThat(SqlNormalizer.summary("SET search_path TO x")).isEqualTo("SET");
        assertThat(SqlNormalizer.summary("SELECT ?")).isEqualTo("SELECT");
        assertThat(SqlNormalizer.summary("SELECT * FROM (SELECT a FROM t) x")).isEqualTo("SELECT");
    }

    @Test
    void longTextsAreCutInTheNameButKeptApartByAHash() {
        String a = "SELECT " + "a, ".repeat(100) + "b FROM t";
        String b = "SELECT " + "a, ".repeat(100) + "c FROM t";
        assertThat(SqlStatements.name(a)).hasSize(SqlStatements.NAME_LIMIT).isNotEqualTo(SqlStatements.name(b));
        assertThat(SqlStatements.name("SELECT a FROM t")).isEqualTo("SELECT a FROM t");
    }
}
