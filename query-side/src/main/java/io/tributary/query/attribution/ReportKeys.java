package io.tributary.query.attribution;

import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportKey;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The row a cell belongs to under a grouping; a missing value of a grouped level reads {@code (no value)}. */
final class ReportKeys {

    private ReportKeys() {
    }

    static ReportKey keyOf(FactKey cell, ReportGrouping grouping) {
        ReportDims d = cell.dims();
        String platform = d.platform() == null ? null : d.platform().wireName();
        return switch (grouping) {
            case DAY -> new ReportKey(cell.date(), null, null, null, null, null, null, null, null, null);
            case CHANNEL_GROUP -> new ReportKey(null, label(d.channelGroup()), null, null, null, null, null, null, null, null);
            case CHANNEL -> new ReportKey(null, label(d.channelGroup()), label(d.channel()), null, null, null, null, null,
                    null, null);
            case CAMPAIGN -> new ReportKey(null, label(d.channelGroup()), label(d.channel()), platform,
                    label(d.campaign()), d.campaignId(), null, null, null, null);
            case AD_SET -> new ReportKey(null, label(d.channelGroup()), label(d.channel()), platform,
                    label(d.campaign()), d.campaignId(), label(d.adSet()), d.adSetId(), null, null);
            case AD -> new ReportKey(null, label(d.channelGroup()), label(d.channel()), platform, label(d.campaign()),
                    d.campaignId(), label(d.adSet()), d.adSetId(), label(d.ad()), d.adId());
        };
    }

    /** A short name for a chart legend: the grouped levels joined by " / ". */
    static String labelOf(ReportKey key) {
        if (key.date() != null) {
            return key.date().toString();
        }
        String channel = key.channel() != null ? key.channel() : key.channelGroup();
        return Stream.of(channel, key.campaign(), key.adSet(), key.ad()).filter(Objects::nonNull)
                .collect(Collectors.joining(" / "));
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? Touch.NO_VALUE_LABEL : value;
    }
}
