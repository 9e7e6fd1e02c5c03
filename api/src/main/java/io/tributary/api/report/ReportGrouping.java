package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The rows of a report: one per channel group, channel, campaign, ad set, ad or day. */
public enum ReportGrouping {
    CHANNEL_GROUP("channelGroup"), CHANNEL("channel"), CAMPAIGN("campaign"), AD_SET("adSet"), AD("ad"), DAY("day");

    private final String wireName;

    ReportGrouping(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for an unknown name (names are case-insensitive) */
    @JsonCreator
    public static ReportGrouping fromWire(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown grouping " + name));
    }
}
