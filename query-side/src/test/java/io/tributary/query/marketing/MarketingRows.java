package io.tributary.query.marketing;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Metric rows and days for the marketing read-model tests. */
final class MarketingRows {

    static final LocalDate DAY1 = LocalDate.parse("2026-03-01");
    static final LocalDate DAY2 = DAY1.plusDays(1);
    static final LocalDate DAY3 = DAY1.plusDays(2);

    private MarketingRows() {
    }

    static MetricRow row(LocalDate date, AdPlatform platform, String campaign, String ad, String spend,
                         long impressions, long clicks, String conversions, String value) {
        return new MetricRow(date, platform, "acc", campaign, "Campaign " + campaign + " " + date, "set-" + campaign,
                "Set " + campaign, ad, "Ad " + ad, new BigDecimal(spend), impressions, clicks,
                new BigDecimal(conversions), new BigDecimal(value), "EUR");
    }

    static MetricDayRecorded day(String source, LocalDate date, int version, MetricRow... rows) {
        return new MetricDayRecorded(source, date, version, List.of(rows), "sync-" + version,
                Instant.parse("2026-03-10T00:00:00Z").plusSeconds(version));
    }
}
