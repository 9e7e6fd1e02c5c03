package io.tributary.api.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a source's tracked events come from. Browser tokens are public and may only append events. */
public enum SourceType {
    BROWSER, SERVER;

    public boolean isBrowser() {
        return this == BROWSER;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SourceType fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
