package io.tributary.app.commerce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Who a store payload is about: its aliases ({@code urn:<type>:<value>}) and profile properties. */
public final class StoreIdentity {

    private final Map<String, Object> profileProperties = new LinkedHashMap<>();
    private final Set<String> aliases = new LinkedHashSet<>();

    /** Adds {@code urn:<type>:<value>} when there is a value. */
    public StoreIdentity alias(String type, String value) {
        if (value != null && !value.isBlank()) {
            aliases.add("urn:" + type + ":" + value.trim());
        }
        return this;
    }

    public StoreIdentity profile(String key, Object value) {
        if (value != null) {
            profileProperties.put(key, value);
        }
        return this;
    }

    Map<String, Object> profileProperties() {
        return Collections.unmodifiableMap(profileProperties);
    }

    Set<String> aliases() {
        return Collections.unmodifiableSet(aliases);
    }
}
