package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A metric a time series can chart. */
public enum ReportMetric {
    REVENUE, ORDERS, SPEND, ROAS, SESSIONS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    @JsonCreator
    public static ReportMetric fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
