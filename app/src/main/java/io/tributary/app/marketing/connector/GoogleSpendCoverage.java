package io.tributary.app.marketing.connector;

import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google Ads rows that add up to the account's spend, each cost counted once. Ad rows ({@code ad_group_ad}) come
 * first; a campaign-day without any takes its asset-group rows ({@code asset_group}, Performance Max); then, per
 * campaign-day, whatever the campaign's own row ({@code campaign}) holds beyond those rows becomes a campaign-level
 * row (no ad set, no ad): all of it for a campaign without ads or asset groups (Performance Max without asset-group
 * metrics, Shopping, Hotel, Smart …), the unattributed rest otherwise. A metric that the detail rows already exceed
 * leaves no negative rest.
 */
public final class GoogleSpendCoverage {

    private GoogleSpendCoverage() {
    }

    public static List<MetricRow> rows(List<MetricRow> adRows, List<MetricRow> assetGroupRows,
                                       List<MetricRow> campaignRows) {
        Map<CampaignDay, List<MetricRow>> details = new LinkedHashMap<>();
        adRows.forEach(row -> details.computeIfAbsent(CampaignDay.of(row), key -> new ArrayList<>()).add(row));
        Map<CampaignDay, List<MetricRow>> assetGroups = new LinkedHashMap<>();
        assetGroupRows.forEach(row -> assetGroups.computeIfAbsent(CampaignDay.of(row), key -> new ArrayList<>()).add(row));
        assetGroups.forEach(details::putIfAbsent);
        List<MetricRow> rows = new ArrayList<>();
        details.values().forEach(rows::addAll);
        for (MetricRow campaign : campaignRows) {
            MetricRow rest = rest(campaign, details.getOrDefault(CampaignDay.of(campaign), List.of()));
            if (rest != null) {
                rows.add(rest);
            }
        }
        return rows;
    }

    /** The campaign-days that have no ad rows: the only ones asset-group rows may cover. */
    public static boolean needsAssetGroups(List<MetricRow> adRows, List<MetricRow> campaignRows) {
        List<CampaignDay> covered = adRows.stream().map(CampaignDay::of).toList();
        return campaignRows.stream().map(CampaignDay::of).anyMatch(day -> !covered.contains(day));
    }

    private static MetricRow rest(MetricRow campaign, List<MetricRow> details) {
        BigDecimal spend = campaign.spend();
        long impressions = campaign.impressions();
        long clicks = campaign.clicks();
        BigDecimal conversions = campaign.platformConversions();
        BigDecimal value = campaign.platformConversionValue();
        for (MetricRow detail : details) {
            spend = spend.subtract(detail.spend());
            impressions -= detail.impressions();
            clicks -= detail.clicks();
            conversions = conversions.subtract(detail.platformConversions());
            value = value.subtract(detail.platformConversionValue());
        }
        spend = spend.max(BigDecimal.ZERO);
        conversions = conversions.max(BigDecimal.ZERO);
        value = value.max(BigDecimal.ZERO);
        impressions = Math.max(0, impressions);
        clicks = Math.max(0, clicks);
        if (spend.signum() == 0 && impressions == 0 && clicks == 0 && conversions.signum() == 0 && value.signum() == 0) {
            return null;
        }
        return new MetricRow(campaign.date(), campaign.platform(), campaign.accountId(), campaign.campaignId(),
                campaign.campaignName(), null, null, null, null, spend, impressions, clicks, conversions, value,
                campaign.currency());
    }

    private record CampaignDay(String campaignId, LocalDate date) {

        static CampaignDay of(MetricRow row) {
            return new CampaignDay(row.campaignId(), row.date());
        }
    }
}
