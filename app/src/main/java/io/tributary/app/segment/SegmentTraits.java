package io.tributary.app.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Segment's reserved traits as Tributary's documented profile properties ({@code email} → {@code $email} …,
 * also from {@code address.*}); every other trait is kept under its own name.
 */
final class SegmentTraits {

    private static final Map<String, String> PROFILE_PROPERTY = Map.ofEntries(
            Map.entry("email", "$email"),
            Map.entry("firstName", "$first_name"),
            Map.entry("first_name", "$first_name"),
            Map.entry("lastName", "$last_name"),
            Map.entry("last_name", "$last_name"),
            Map.entry("phone", "$phone_number"),
            Map.entry("city", "$city"),
            Map.entry("country", "$country_code"),
            Map.entry("state", "$state"),
            Map.entry("postalCode", "$zip_code"),
            Map.entry("postal_code", "$zip_code"));
    private static final String ADDRESS = "address";
    private static final Set<String> ADDRESS_FIELDS = Set.of("city", "country", "state", "postalCode", "postal_code");

    private SegmentTraits() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> profileProperties(Map<String, Object> traits) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (traits.get(ADDRESS) instanceof Map<?, ?> address) {
            ((Map<String, Object>) address).forEach((name, value) -> {
                if (ADDRESS_FIELDS.contains(name) && value != null) {
                    properties.put(PROFILE_PROPERTY.get(name), value);
                }
            });
        }
        traits.forEach((name, value) -> {
            if (value != null) {
                properties.put(PROFILE_PROPERTY.getOrDefault(name, name), value);
            }
        });
        return properties;
    }
}
