package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which date credit is booked on: the conversion's, or the touchpoint's session start. */
public enum AttributionMode {
    CONVERSION_TIME, CLICK_TIME;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    @JsonCreator
    public static AttributionMode fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
