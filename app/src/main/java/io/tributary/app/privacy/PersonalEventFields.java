package io.tributary.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which fields of which domain events are personal, by event type: alias values of the personal types, every
 * profile property, the personal keys of tracked-event properties ({@code tributary.privacy.personal-properties})
 * and their page addresses and referrers, a session's landing URL and referrer, and a rejected payload and its
 * error messages (which may quote a value). They are
 * sealed with the key of the profile named in {@code profileId} (a rejected payload belongs to none yet) and, for a
 * source's tracked events, sessions and rejected payloads, with the retention key of the source's month too.
 */
final class PersonalEventFields {

    private static final String PROFILE = "io.tributary.api.profile.";
    private static final String INGESTION = "io.tributary.api.ingestion.";
    private static final Set<String> TYPES = Set.of(PROFILE + "ProfileCreated", PROFILE + "AliasLinked",
            PROFILE + "AliasBlocked", PROFILE + "MergeBlocked", PROFILE + "ProfilesMerged",
            PROFILE + "ProfileSplit", PROFILE + "ProfilePropertiesUpdated", INGESTION + "EventRecorded",
            INGESTION + "DuplicateDiscarded", INGESTION + "PayloadRejected", "io.tributary.api.session.SessionStarted");
    /** Tracked-event properties that hold a page address or referrer: sealed whatever the personal list says. */
    static final List<String> URL_PROPERTIES = List.of("$url", "url", "referrer", "$referrer");

    private final List<String> personalProperties;

    PersonalEventFields(List<String> personalProperties) {
        this.personalProperties = personalProperties;
    }

    boolean covers(String eventType) {
        return TYPES.contains(eventType);
    }

    void seal(String eventType, ObjectNode event, PersonalFieldCipher.Sealer sealer) {
        switch (eventType.substring(eventType.lastIndexOf('.') + 1)) {
            case "ProfileCreated" -> aliases(event, "aliases", sealer);
            case "AliasLinked", "AliasBlocked" -> event.set("alias", sealer.sealAlias(event.get("alias")));
            case "MergeBlocked" -> aliases(event, "sharedAliases", sealer);
            case "ProfilesMerged" -> {
                aliases(event, "sharedAliases", sealer);
                aliases(event, "mergedAliases", sealer);
                propertyValues(event.get("mergedProperties"), sealer);
            }
            case "ProfileSplit" -> {
                aliases(event, "movedAliases", sealer);
                propertyValues(event.get("movedProperties"), sealer);
                propertyValues(event.get("remainingProperties"), sealer);
            }
            case "ProfilePropertiesUpdated" -> propertyValues(event.get("properties"), sealer);
            case "EventRecorded", "DuplicateDiscarded" -> trackedEvent(event.get("event"), sealer);
            case "SessionStarted" -> {
                sealField(event, "landingUrl", sealer);
                sealField(event, "referrer", sealer);
            }
            case "PayloadRejected" -> {
                sealField(event, "payload", sealer);
                if (event.get("errors") instanceof ArrayNode errors) {
                    errors.forEach(error -> {
                        if (error instanceof ObjectNode fieldError) {
                            sealField(fieldError, "message", sealer);
                        }
                    });
                }
            }
            default -> {
            }
        }
    }

    private void trackedEvent(JsonNode event, PersonalFieldCipher.Sealer sealer) {
        if (!(event instanceof ObjectNode tracked)) {
            return;
        }
        aliases(tracked, "aliases", sealer);
        if (tracked.get("profileProperties") instanceof ObjectNode profileProperties) {
            sealValues(profileProperties, null, sealer);
        }
        if (tracked.get("properties") instanceof ObjectNode properties) {
            sealValues(properties, personalProperties, sealer);
            sealValues(properties, URL_PROPERTIES.stream().filter(key -> !personalProperties.contains(key)).toList(),
                    sealer);
        }
    }

    private static void sealField(ObjectNode event, String field, PersonalFieldCipher.Sealer sealer) {
        if (event.hasNonNull(field)) {
            event.set(field, sealer.seal(event.get(field)));
        }
    }

    private static void aliases(ObjectNode event, String field, PersonalFieldCipher.Sealer sealer) {
        if (event.get(field) instanceof ArrayNode aliases) {
            for (int i = 0; i < aliases.size(); i++) {
                aliases.set(i, sealer.sealAlias(aliases.get(i)));
            }
        }
    }

    /** A map of {@code PropertyValue}s: each {@code value} is sealed, its time is not. */
    private static void propertyValues(JsonNode values, PersonalFieldCipher.Sealer sealer) {
        if (values instanceof ObjectNode map) {
            map.elements().forEachRemaining(value -> {
                if (value instanceof ObjectNode propertyValue && propertyValue.has("value")) {
                    propertyValue.set("value", sealer.seal(propertyValue.get("value")));
                }
            });
        }
    }

    /** Seals the values of the keys listed, or of every key when {@code keys} is null. */
    private static void sealValues(ObjectNode map, List<String> keys, PersonalFieldCipher.Sealer sealer) {
        List<String> names = new ArrayList<>();
        map.fieldNames().forEachRemaining(names::add);
        names.stream().filter(name -> keys == null || keys.contains(name))
                .forEach(name -> map.set(name, sealer.seal(map.get(name))));
    }
}
