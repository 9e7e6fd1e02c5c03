package io.tributary.app.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
        "+1+1|'+1+1",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "Placed Order|Placed Order",
        "2024-09-02T00:00:00Z|2024-09-02T00:00:00Z",
        "{\"a\":\"=1\"}|{\"a\":\"=1\"}",
        "a=b|a=b",
        "'quoted|'quoted"})
    void escapesCellsASpreadsheetWouldRunAsFormulas(String value, String cell) {
        assertThat(SpreadsheetCell.of(value)).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=1", "\r=1", "\tplain"})
    void escapesCellsThatBeginWithATabOrCarriageReturn(String value) {
        assertThat(SpreadsheetCell.of(value)).isEqualTo("'" + value);
    }
}
