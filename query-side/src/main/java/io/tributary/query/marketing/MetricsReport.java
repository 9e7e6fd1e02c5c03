package io.tributary.query.marketing;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MarketingMetricsLine;
import io.tributary.api.marketing.MetricGrouping;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums metric rows into the lines of one grouping, exactly, per currency. Names come from the latest day seen;
 * CTR = clicks / impressions (6 decimals) and CPC = spend / clicks (4 decimals), both null when the divisor is 0.
 */
final class MetricsReport {

    static final int CTR_SCALE = 6;
    static final int CPC_SCALE = 4;

    private final MetricGrouping grouping;
    private final Map<List<Object>, Line> lines = new LinkedHashMap<>();

    MetricsReport(MetricGrouping grouping) {
        this.grouping = grouping;
    }

    void add(MetricRow row) {
        lines.computeIfAbsent(key(row), k -> new Line()).add(row);
    }

    List<MarketingMetricsLine> lines() {
        List<MarketingMetricsLine> result = new ArrayList<>();
        lines.values().forEach(line -> result.add(line.toView(grouping)));
        result.sort(Comparator.comparing(MarketingMetricsLine::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(MarketingMetricsLine::platform, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(MarketingMetricsLine::campaignId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(MarketingMetricsLine::adSetId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(MarketingMetricsLine::adId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(MarketingMetricsLine::currency, Comparator.nullsFirst(Comparator.naturalOrder())));
        return result;
    }

    static BigDecimal ctr(long clicks, long impressions) {
        return impressions == 0 ? null
                : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), CTR_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal cpc(BigDecimal spend, long clicks) {
        return clicks == 0 ? null : spend.divide(BigDecimal.valueOf(clicks), CPC_SCALE, RoundingMode.HALF_EVEN);
    }

    private List<Object> key(MetricRow row) {
        return switch (grouping) {
            case DAY -> Arrays.asList(row.date(), row.currency());
            case PLATFORM -> Arrays.asList(row.platform(), row.currency());
            case CAMPAIGN -> Arrays.asList(row.platform(), row.campaignId(), row.currency());
            case ADSET -> Arrays.asList(row.platform(), row.campaignId(), row.adSetId(), row.currency());
            case AD -> Arrays.asList(row.platform(), row.campaignId(), row.adSetId(), row.adId(), row.currency());
        };
    }

    private static final class Line {
        private MetricRow latest;
        private final MetricTotals totals = new MetricTotals();

        void add(MetricRow row) {
            if (latest == null || !row.date().isBefore(latest.date())) {
                latest = row;
            }
            totals.add(row);
        }

        MarketingMetricsLine toView(MetricGrouping grouping) {
            boolean campaign = grouping.compareTo(MetricGrouping.CAMPAIGN) >= 0;
            boolean adSet = grouping.compareTo(MetricGrouping.ADSET) >= 0;
            boolean ad = grouping == MetricGrouping.AD;
            LocalDate date = grouping == MetricGrouping.DAY ? latest.date() : null;
            AdPlatform platform = grouping == MetricGrouping.DAY ? null : latest.platform();
            return new MarketingMetricsLine(date, platform, campaign ? latest.campaignId() : null,
                    campaign ? latest.campaignName() : null, adSet ? latest.adSetId() : null,
                    adSet ? latest.adSetName() : null, ad ? latest.adId() : null, ad ? latest.adName() : null,
                    latest.currency(), totals.spend(), totals.impressions(), totals.clicks(), totals.conversions(),
                    totals.conversionValue(), ctr(totals.clicks(), totals.impressions()),
                    cpc(totals.spend(), totals.clicks()));
        }
    }
}
