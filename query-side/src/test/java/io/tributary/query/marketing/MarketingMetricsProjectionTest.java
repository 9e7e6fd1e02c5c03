package io.tributary.query.marketing;

import static io.tributary.query.marketing.MarketingRows.DAY1;
import static io.tributary.query.marketing.MarketingRows.DAY2;
import static io.tributary.query.marketing.MarketingRows.DAY3;
import static io.tributary.query.marketing.MarketingRows.day;
import static io.tributary.query.marketing.MarketingRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.FindMarketingMetrics;
import io.tributary.api.marketing.FindMetricDayVersions;
import io.tributary.api.marketing.MarketingMetricsLine;
import io.tributary.api.marketing.MetricDayVersionView;
import io.tributary.api.marketing.MetricGrouping;
import io.tributary.query.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketingMetricsProjectionTest extends EmbeddedMongo {

    private MarketingMetricsProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new MarketingMetricsProjection(database);
    }

    @Test
    void reportsTheLatestVersionOfADayWhateverOrderVersionsArriveIn() {
        projection.on(day("meta", DAY3, 1, row(DAY3, AdPlatform.META, "c1", "a1", "30.00", 1000, 10, "1", "50")));
        projection.on(day("meta", DAY3, 2, row(DAY3, AdPlatform.META, "c1", "a1", "31.25", 1000, 10, "2", "80")));
        projection.on(day("meta", DAY3, 1, row(DAY3, AdPlatform.META, "c1", "a1", "30.00", 1000, 10, "1", "50")));

        List<MarketingMetricsLine> lines = report(MetricGrouping.DAY, null);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.spend()).isEqualByComparingTo("31.25");
            assertThat(line.platformConversions()).isEqualByComparingTo("2");
        });
        assertThat(projection.handle(new FindMetricDayVersions("meta", DAY3)))
                .extracting(MetricDayVersionView::version, MetricDayVersionView::spend)
                .containsExactly(tuple(1, new BigDecimal("30.00")), tuple(2, new BigDecimal("31.25")));
    }

    @Test
    void sumsExactlyPerDayAndComputesRatios() {
        projection.on(day("meta", DAY1, 1,
                row(DAY1, AdPlatform.META, "c1", "a1", "0.10", 300, 1, "0", "0"),
                row(DAY1, AdPlatform.META, "c1", "a2", "0.20", 0, 0, "1.5", "19.99")));
        projection.on(day("google", DAY1, 1, row(DAY1, AdPlatform.GOOGLE, "g1", "x1", "12.340000", 200, 2, "0", "0")));
        projection.on(day("google", DAY2, 1, row(DAY2, AdPlatform.GOOGLE, "g1", "x1", "1", 0, 0, "0", "0")));

        List<MarketingMetricsLine> lines = report(MetricGrouping.DAY, null);

        assertThat(lines).extracting(MarketingMetricsLine::date, MarketingMetricsLine::spend,
                        MarketingMetricsLine::impressions, MarketingMetricsLine::clicks, MarketingMetricsLine::ctr,
                        MarketingMetricsLine::cpc)
                .containsExactly(
                        tuple(DAY1, new BigDecimal("12.640000"), 500L, 3L, new BigDecimal("0.006000"),
                                new BigDecimal("4.2133")),
                        tuple(DAY2, new BigDecimal("1"), 0L, 0L, null, null));
    }

    @Test
    void groupsByPlatformCampaignAdSetAndAdWithTheLatestNames() {
        projection.on(day("meta", DAY1, 1, row(DAY1, AdPlatform.META, "c1", "a1", "1.00", 10, 1, "0", "0"),
                row(DAY1, AdPlatform.META, "c1", "a2", "2.00", 10, 1, "0", "0"),
                row(DAY1, AdPlatform.META, "c2", "a3", "4.00", 10, 1, "0", "0")));
        projection.on(day("meta", DAY2, 1, row(DAY2, AdPlatform.META, "c1", "a1", "8.00", 10, 1, "0", "0")));
        projection.on(day("tiktok", DAY2, 1, row(DAY2, AdPlatform.TIKTOK, "t1", "b1", "16.00", 10, 1, "0", "0")));

        assertThat(report(MetricGrouping.PLATFORM, null))
                .extracting(MarketingMetricsLine::platform, MarketingMetricsLine::campaignId, MarketingMetricsLine::spend)
                .containsExactly(tuple(AdPlatform.META, null, new BigDecimal("15.00")),
                        tuple(AdPlatform.TIKTOK, null, new BigDecimal("16.00")));
        assertThat(report(MetricGrouping.CAMPAIGN, null))
                .extracting(MarketingMetricsLine::campaignId, MarketingMetricsLine::campaignName,
                        MarketingMetricsLine::adId, MarketingMetricsLine::spend)
                .containsExactly(tuple("c1", "Campaign c1 " + DAY2, null, new BigDecimal("11.00")),
                        tuple("c2", "Campaign c2 " + DAY1, null, new BigDecimal("4.00")),
                        tuple("t1", "Campaign t1 " + DAY2, null, new BigDecimal("16.00")));
        assertThat(report(MetricGrouping.ADSET, null)).extracting(MarketingMetricsLine::adSetId)
                .containsExactly("set-c1", "set-c2", "set-t1");
        assertThat(report(MetricGrouping.AD, null))
                .extracting(MarketingMetricsLine::adId, MarketingMetricsLine::spend)
                .containsExactly(tuple("a1", new BigDecimal("9.00")), tuple("a2", new BigDecimal("2.00")),
                        tuple("a3", new BigDecimal("4.00")), tuple("b1", new BigDecimal("16.00")));
        assertThat(report(MetricGrouping.PLATFORM, "tiktok")).extracting(MarketingMetricsLine::platform)
                .containsExactly(AdPlatform.TIKTOK);
    }

    @Test
    void keepsOnlyTheDaysOfTheRange() {
        projection.on(day("meta", DAY1, 1, row(DAY1, AdPlatform.META, "c1", "a1", "1.00", 10, 1, "0", "0")));
        projection.on(day("meta", DAY3, 1, row(DAY3, AdPlatform.META, "c1", "a1", "3.00", 10, 1, "0", "0")));

        List<MarketingMetricsLine> lines = projection.handle(
                new FindMarketingMetrics(DAY2, DAY3, MetricGrouping.DAY, null)).lines();

        assertThat(lines).extracting(MarketingMetricsLine::date).containsExactly(DAY3);
    }

    @Test
    void aResetClearsTheMetrics() {
        projection.on(day("meta", DAY1, 1, row(DAY1, AdPlatform.META, "c1", "a1", "1.00", 10, 1, "0", "0")));

        projection.reset();

        assertThat(report(MetricGrouping.DAY, null)).isEmpty();
        assertThat(projection.handle(new FindMetricDayVersions("meta", DAY1))).isEmpty();
    }

    private List<MarketingMetricsLine> report(MetricGrouping grouping, String sourceId) {
        return projection.handle(new FindMarketingMetrics(DAY1, DAY3, grouping, sourceId)).lines();
    }
}
