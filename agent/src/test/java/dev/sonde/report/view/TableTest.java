package dev.sonde.report.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    private final Table table = new Table()
            .column("calls", Table.Align.RIGHT)
            .column("p99", Table.Align.RIGHT)
            .column("operation", Table.Align.LEFT)
            .row("1300", "12.3 ms", "a.B#c")
            .row("7", "250 ns", "a.B#longer|name");

    @Test
    void textColumnsLineUpTwoSpacesApartWithNumbersRightAligned() {
        assertThat(table.toText("  ")).isEqualTo(
                "  calls      p99  operation\n"
                        + "   1300  12.3 ms  a.B#c\n"
                        + "      7   250 ns  a.B#longer|name\n");
    }

    @Test
    void rowsAloneLeaveTheHeaderOut() {
        assertThat(table.rowsToText("")).startsWith(" 1300").hasLineCount(2);
    }

    @Test
    void markdownAlignsNumbersRightAndEscapesPipes() {
        assertThat(table.toMarkdown()).isEqualTo(
                "| calls | p99 | operation |\n"
                        + "| ---: | ---: | --- |\n"
                        + "| 1300 | 12.3 ms | a.B#c |\n"
                        + "| 7 | 250 ns | a.B#longer\\|name |\n");
    }

    @Test
    void aRowMustHaveACellPerColumn() {
        assertThatThrownBy(() -> table.row("1", "2")).isInstanceOf(IllegalArgumentException.class);
    }
}
