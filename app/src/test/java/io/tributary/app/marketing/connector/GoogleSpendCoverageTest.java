package io.tributary.app.marketing.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Google rows are kept so that they add up to each campaign's spend, each cost once. */
class GoogleSpendCoverageTest {

    private static final LocalDate DAY = LocalDate.of(2026, 2, 1);

    /**
     * Rows as {@code <campaign>/<ad set or ->/<ad or ->:<spend>:<clicks>}, space-separated; the expected rows
     * likewise, in order.
     */
    @ParameterizedTest(name = "ads [{0}] asset groups [{1}] campaigns [{2}] -> [{3}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            c1/g1/a1:10.00:3 c1/g1/a2:5.50:1 | -                        | c1/-/-:15.50:4                  | c1/g1/a1:10.00:3 c1/g1/a2:5.50:1
            -                                | -                        | pmax/-/-:42.10:7                | pmax/-/-:42.10:7
            -                                | pmax/ag1/-:30.00:5       | pmax/-/-:42.10:7                | pmax/ag1/-:30.00:5 pmax/-/-:12.10:2
            -                                | pmax/ag1/-:30.00:5 pmax/ag2/-:12.10:2 | pmax/-/-:42.10:7     | pmax/ag1/-:30.00:5 pmax/ag2/-:12.10:2
            c1/g1/a1:10.00:3                 | -                        | c1/-/-:12.00:3 shop/-/-:8.25:9  | c1/g1/a1:10.00:3 c1/-/-:2.00:0 shop/-/-:8.25:9
            c1/g1/a1:10.00:3                 | c1/ag9/-:10.00:3         | c1/-/-:10.00:3                  | c1/g1/a1:10.00:3
            c1/g1/a1:10.00:3                 | -                        | c1/-/-:9.00:3                   | c1/g1/a1:10.00:3
            c1/g1/a1:10.00:3                 | -                        | -                               | c1/g1/a1:10.00:3
            -                                | -                        | idle/-/-:0:0                    | -
            """)
    void keepsAdRowsThenAssetGroupsThenWhatTheCampaignHoldsBeyondThem(String ads, String assetGroups,
                                                                        String campaigns, String expected) {
        List<MetricRow> rows = GoogleSpendCoverage.rows(parse(ads), parse(assetGroups), parse(campaigns));

        assertThat(rows).extracting(GoogleSpendCoverageTest::format).containsExactlyElementsOf(
                expected == null ? List.of() : List.of(expected.split(" ")));
    }

    @ParameterizedTest(name = "ads [{0}] campaigns [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            c1/g1/a1:1:1 | c1/-/-:1:1              | false
            c1/g1/a1:1:1 | c1/-/-:1:1 pmax/-/-:1:1 | true
            -            | -                       | false
            """)
    void asksForAssetGroupsOnlyWhenACampaignDayHasNoAdRows(String ads, String campaigns, boolean needed) {
        assertThat(GoogleSpendCoverage.needsAssetGroups(parse(ads), parse(campaigns))).isEqualTo(needed);
    }

    private static List<MetricRow> parse(String rows) {
        List<MetricRow> parsed = new ArrayList<>();
        if (rows == null) {
            return parsed;
        }
        for (String row : rows.trim().split(" +")) {
            String[] parts = row.split(":");
            String[] ids = parts[0].split("/");
            String adSet = ids[1].equals("-") ? null : ids[1];
            String ad = ids[2].equals("-") ? null : ids[2];
            parsed.add(new MetricRow(DAY, AdPlatform.GOOGLE, "1112223333", ids[0], "Campaign " + ids[0], adSet,
                    adSet == null ? null : "Set " + adSet, ad, ad == null ? null : "Ad " + ad,
                    new BigDecimal(parts[1]), 10 * Long.parseLong(parts[2]), Long.parseLong(parts[2]), BigDecimal.ZERO, BigDecimal.ZERO, "EUR"));
        }
        return parsed;
    }

    private static String format(MetricRow row) {
        return row.campaignId() + "/" + (row.adSetId() == null ? "-" : row.adSetId()) + "/"
                + (row.adId() == null ? "-" : row.adId()) + ":" + row.spend().toPlainString() + ":" + row.clicks();
    }
}
