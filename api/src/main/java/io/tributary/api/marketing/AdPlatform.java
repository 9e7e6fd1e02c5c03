package io.tributary.api.marketing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The ad platforms Tributary pulls metrics from; first-party channels map to them (Meta Ads → META …). */
public enum AdPlatform {
    META, GOOGLE, TIKTOK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AdPlatform fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
