package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a conversion's credit is shared among its touchpoints (in time order). */
public enum AttributionModel {
    FIRST_TOUCH, LAST_TOUCH, FIRST_TOUCH_PAID, LAST_TOUCH_PAID, LINEAR, PARTICIPATION, U_SHAPED, J_SHAPED, INVERSE_J,
    TIME_DECAY, DIRECT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    @JsonCreator
    public static AttributionModel fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
