package io.tributary.api.marketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the metrics report groups rows: per day, platform, campaign, ad set or ad. */
public enum MetricGrouping {
    DAY, PLATFORM, CAMPAIGN, ADSET, AD;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MetricGrouping fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
