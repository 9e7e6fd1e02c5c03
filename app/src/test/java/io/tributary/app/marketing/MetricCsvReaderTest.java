package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.LineError;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricCsvReaderTest {

    private static final String HEADER = "date,campaign_id,campaign_name,adset_id,adset_name,ad_id,ad_name,spend,"
            + "impressions,clicks,conversions,conversion_value,currency\n";

    @Test
    void readsEveryColumn() {
        MetricCsvReader.Result read = read(HEADER
                + "2026-02-01,c1,Brand,s1,Set,a1,Ad one,12.34,1000,25,2,99.80,USD\n");

        assertThat(read.rows()).containsExactly(new MetricRow(LocalDate.parse("2026-02-01"), AdPlatform.META, "42",
                "c1", "Brand", "s1", "Set", "a1", "Ad one", new BigDecimal("12.34"), 1000, 25, new BigDecimal("2"),
                new BigDecimal("99.80"), "USD"));
        assertThat(read.lineErrors()).isEmpty();
    }

    @Test
    void onlyDateCampaignAndSpendAreRequiredAndTheSourceCurrencyIsTheDefault() {
        MetricCsvReader.Result read = read("Date,Campaign_ID,Spend,Pinterest_Extra\n2026-02-01,c1,5\n");

        assertThat(read.rows()).singleElement().satisfies(row -> {
            assertThat(row.currency()).isEqualTo("EUR");
            assertThat(row.impressions()).isZero();
            assertThat(row.adId()).isNull();
            assertThat(row.platformConversions()).isEqualByComparingTo("0");
        });
        assertThat(read.ignoredColumns()).containsExactly("pinterest_extra");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a date that does not exist   | `2026-02-30,c1,,,,a1,,1.00,1,1,0,0,`   | date
            a date in another format     | `01/02/2026,c1,,,,a1,,1.00,1,1,0,0,`   | date
            no campaign                  | `2026-02-01,,,,,a1,,1.00,1,1,0,0,`     | campaign_id
            no spend                     | `2026-02-01,c1,,,,a1,,,1,1,0,0,`       | spend
            a spend with a comma         | `2026-02-01,c1,,,,a1,,"1,00",1,1,0,0,` | spend
            a negative spend             | `2026-02-01,c1,,,,a1,,-1.00,1,1,0,0,`  | spend
            fractional impressions       | `2026-02-01,c1,,,,a1,,1.00,1.5,1,0,0,` | impressions
            text clicks                  | `2026-02-01,c1,,,,a1,,1.00,1,many,0,0,` | clicks
            a bad conversion value       | `2026-02-01,c1,,,,a1,,1.00,1,1,0,1e3,` | conversion_value
            a bad currency               | `2026-02-01,c1,,,,a1,,1.00,1,1,0,0,euro` | currency
            """)
    void reportsABadLineNamingTheField(String scenario, String line, String field) {
        MetricCsvReader.Result read = read(HEADER + "2026-02-01,c0,,,,a0,,1.00,1,1,0,0,\n" + line + "\n");

        assertThat(read.rows()).hasSize(1);
        assertThat(read.lineErrors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.errors()).extracting(FieldError::field).containsExactly(field);
        });
    }

    @Test
    void reportsEveryProblemOfALineAndKeepsTheOtherLines() {
        MetricCsvReader.Result read = read(HEADER
                + "2026-02-01,c1,,,,a1,,1.00,10,1,0,0,\n"
                + "2026-13-01,c1,,,,a2,,abc,10,1,0,0,\n"
                + "\n"
                + "2026-02-02,c1,,,,a1,,2.00,10,1,0,0,\n"
                + "2026-02-02,c1,,,,a1,,3.00,10,1,0,0,\n");

        assertThat(read.rows()).extracting(MetricRow::spend)
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("2.00"));
        assertThat(read.lineErrors()).extracting(LineError::line, e -> e.errors().stream().map(FieldError::field).toList())
                .containsExactly(tuple(3L, List.of("date", "spend")), tuple(6L, List.of("ad_id")));
        assertThat(read.lineErrors().get(1).errors().get(0).message()).contains("line 5");
        assertThat(read.lineErrors().get(0).content()).isEqualTo("2026-13-01,c1,,,,a2,,abc,10,1,0,0,");
    }

    @Test
    void namesEveryMissingRequiredColumn() {
        MetricCsvReader.Result read = read("day,campaign,cost\n2026-02-01,c1,1\n");

        assertThat(read.headerErrors()).extracting(FieldError::field).containsExactly("date", "campaign_id", "spend");
        assertThat(read.rows()).isEmpty();
    }

    @Test
    void requiresACurrencyWhenTheSourceHasNone() {
        MetricCsvReader.Result read = MetricCsvReader.read("date,campaign_id,spend\n2026-02-01,c1,1\n",
                AdPlatform.TIKTOK, "7", null);

        assertThat(read.lineErrors()).singleElement()
                .satisfies(error -> assertThat(error.errors()).extracting(FieldError::field).containsExactly("currency"));
    }

    @Test
    void keepsTheLinesBeforeAnUnclosedQuote() {
        MetricCsvReader.Result read = read("date,campaign_id,spend\n2026-02-01,c1,1\n2026-02-02,\"c2,2\n");

        assertThat(read.rows()).hasSize(1);
        assertThat(read.lineErrors()).singleElement()
                .satisfies(error -> assertThat(error.errors().get(0).field()).isEqualTo("line"));
    }

    private static MetricCsvReader.Result read(String text) {
        return MetricCsvReader.read(text, AdPlatform.META, "42", "EUR");
    }
}
