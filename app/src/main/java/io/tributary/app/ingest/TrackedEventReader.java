package io.tributary.app.ingest;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.intake.TimestampBounds;
import io.tributary.api.intake.ParsedAlias;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one JSON object into a {@link TrackedEvent}, or into the list of all its problems, each naming its
 * field. Never stops at the first problem.
 */
class TrackedEventReader {

    static final int MAX_ALIASES = 10;
    static final Set<String> PROFILE_PROPERTIES = Set.of("$email", "$first_name", "$last_name", "$phone_number",
            "$city", "$country_code", "$state", "$zip_code");
    static final Set<String> EVENT_PROPERTIES = Set.of("$url", "$sales_channel_type", "$is_new_customer");

    private final AliasParser aliasRules;
    private final TimestampBounds bounds;
    private final PayloadBounds payloadBounds;
    private final Clock clock;

    TrackedEventReader(AliasParser aliasRules, TimestampBounds bounds, PayloadBounds payloadBounds, Clock clock) {
        this.aliasRules = aliasRules;
        this.bounds = bounds;
        this.payloadBounds = payloadBounds;
        this.clock = clock;
    }

    record Result(TrackedEvent event, List<FieldError> errors) {
        boolean isValid() {
            return errors.isEmpty();
        }
    }

    Result read(Map<String, Object> body, FieldNames names, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        payloadBounds.check(body, "", errors);
        String eventName = requiredText(body, names.eventName(), true, errors);
        String eventId = requiredText(body, names.eventId(), names.eventIdRequired(), errors);
        if (eventId == null && !names.eventIdRequired() && !body.containsKey(names.eventId())) {
            eventId = UUID.randomUUID().toString();
        }
        Map<String, Object> properties = map(body, names.properties(), names.mapsRequired(), EVENT_PROPERTIES, errors);
        Map<String, Object> profileProperties = map(body, names.profileProperties(), names.mapsRequired(),
                PROFILE_PROPERTIES, errors);
        List<String> aliases = aliases(body.get(names.aliases()), names.aliases(), errors);
        List<String> flags = new ArrayList<>();
        EventTime time = EventTime.read(body.get(names.timestamp()), names.timestamp(), receivedAt, bounds,
                payloadBounds, errors);
        if (time != null && time.clamped()) {
            flags.add(TrackedEvent.TIMESTAMP_CLAMPED);
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new TrackedEvent(eventName, eventId, properties, profileProperties, aliases, time.instant(),
                time.offset(), flags), List.of());
    }

    Instant now() {
        return clock.instant();
    }

    private String requiredText(Map<String, Object> body, String field, boolean required, List<FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        int maxLength = payloadBounds.limits().maxIdLength();
        String text = value instanceof String s ? s.trim()
                : value instanceof Number n ? PayloadBounds.wholeNumberText(n, maxLength) : null;
        if (text == null) {
            errors.add(new FieldError(field, "must be a string (or a whole number of at most " + maxLength + " digits)"));
        } else if (text.isEmpty()) {
            errors.add(new FieldError(field, "must not be empty"));
        } else if (text.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        } else {
            return text;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String field, boolean required,
                                           Set<String> allowedDollarKeys, List<FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            if (required && !body.containsKey(field)) {
                errors.add(new FieldError(field, "is required (it may be an empty object)"));
            } else if (required) {
                errors.add(new FieldError(field, "must be an object"));
            }
            return Map.of();
        }
        if (!(value instanceof Map)) {
            errors.add(new FieldError(field, "must be an object"));
            return Map.of();
        }
        PropertyKeys.check((Map<String, Object>) value, field, allowedDollarKeys, errors);
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    private List<String> aliases(Object value, String field, List<FieldError> errors) {
        if (!(value instanceof List<?> list)) {
            errors.add(new FieldError(field, value == null ? "is required: 1 to 10 aliases like urn:email:a@b.com"
                    : "must be an array of strings"));
            return List.of();
        }
        if (list.isEmpty() || list.size() > MAX_ALIASES) {
            errors.add(new FieldError(field, "must hold 1 to " + MAX_ALIASES + " aliases, not " + list.size()));
        }
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object raw = list.get(i);
            ParsedAlias alias = raw instanceof String s ? aliasRules.parse(s) : null;
            if (alias == null) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
            } else if (!alias.isValid()) {
                errors.add(new FieldError(field + "[" + i + "]", alias.error()));
            } else if (!aliases.contains(alias.urn())) {
                aliases.add(alias.urn());
            }
        }
        return aliases;
    }
}
