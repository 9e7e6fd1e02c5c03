package io.tributary.app.segment;

import static io.tributary.app.segment.MessageFields.merged;
import static io.tributary.app.segment.MessageFields.object;
import static io.tributary.app.segment.MessageFields.propertyObject;
import static io.tributary.app.segment.MessageFields.requiredText;
import static io.tributary.app.segment.MessageFields.string;
import static io.tributary.app.segment.MessageFields.text;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.app.ingest.PropertyKeys;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.intake.TimestampBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one Segment message into a {@link TrackedEvent}, or into the list of all its problems, each naming its
 * Segment field. Never stops at the first problem. See docs/segment.md for the mapping.
 */
final class SegmentAdapter {

    static final String ORIGINAL_EVENT_NAME = "$original_event_name";
    static final String URL = "$url";
    static final String REFERRER = "referrer";
    static final String ORDER_ID = "order_id";

    private final AliasParser aliasRules;
    private final TimestampBounds bounds;
    private final PayloadBounds payloadBounds;

    SegmentAdapter(AliasParser aliasRules, Duration futureTolerance, PayloadBounds payloadBounds) {
        this.aliasRules = aliasRules;
        this.bounds = new TimestampBounds(futureTolerance);
        this.payloadBounds = payloadBounds;
    }

    record Result(TrackedEvent event, List<FieldError> errors) {
        boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param endpointType the call the endpoint names, or null to take the message's own {@code type} (batches)
     * @param batchContext the batch's {@code context}, beneath the message's own
     * @param batchSentAt  the batch's {@code sentAt}, for a message without one
     */
    Result read(Map<String, Object> message, SegmentType endpointType, Map<String, Object> batchContext,
                Object batchSentAt, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        payloadBounds.check(message, "", errors);
        if (!batchContext.isEmpty()) {
            payloadBounds.check(batchContext, "context", errors);
        }
        SegmentType type = endpointType != null ? endpointType : typeOf(message, errors);
        Map<String, Object> context = merged(batchContext, object(message, "context", "context", errors));
        Map<String, Object> contextTraits = object(context, "traits", "context.traits", errors);
        int before = errors.size();
        String userId = text(message, "userId", "userId", errors);
        String anonymousId = text(message, "anonymousId", "anonymousId", errors);
        if (userId == null && anonymousId == null && errors.size() == before) {
            errors.add(new FieldError("userId", "userId or anonymousId is required"));
        }
        String messageId = text(message, "messageId", "messageId", errors);
        Map<String, Object> properties = propertyObject(message, "properties", "properties", errors);
        SegmentAliases aliases = new SegmentAliases(aliasRules, errors).add("user_id", userId, "userId")
                .add("anonymous_id", anonymousId, "anonymousId");
        Call call = type == null ? null : switch (type) {
            case TRACK -> track(message, properties, messageId, errors);
            case IDENTIFY -> identify(message, contextTraits, messageId, aliases, errors);
            case PAGE, SCREEN -> view(type, message, properties, messageId);
            case GROUP -> group(message, properties, messageId, errors);
            case ALIAS -> alias(message, userId, anonymousId, messageId, aliases, errors);
        };
        if (type != SegmentType.IDENTIFY) {
            aliases.addEmail(contextTraits, "context.traits.email");
        }
        List<String> aliasList = aliases.addExternalIds(context.get("externalIds"), "context.externalIds").toList();
        SegmentTime time = SegmentTime.read(message, batchSentAt, receivedAt, bounds, payloadBounds, errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        addPage(type, properties, context);
        if (time.clientTime() != null) {
            properties.put(SegmentTime.ORIGINAL_TIMESTAMP, time.clientTime());
        }
        List<String> flags = time.clamped() ? List.of(TrackedEvent.TIMESTAMP_CLAMPED) : List.of();
        return new Result(new TrackedEvent(call.eventName(), call.eventId(), properties, call.profileProperties(),
                aliasList, time.instant(), time.offset(), flags), List.of());
    }

    private record Call(String eventName, String eventId, Map<String, Object> profileProperties) {
    }

    private static SegmentType typeOf(Map<String, Object> message, List<FieldError> errors) {
        return SegmentType.fromWire(message.get("type")).orElseGet(() -> {
            errors.add(new FieldError("type", "must be identify, track, page, screen, group or alias"));
            return null;
        });
    }

    private static Call track(Map<String, Object> message, Map<String, Object> properties, String messageId,
                              List<FieldError> errors) {
        String event = requiredText(message, "event", "event", "is required for a track call", errors);
        if (event == null) {
            return null;
        }
        String name = EcommerceNames.tributaryName(event);
        if (!name.equals(event)) {
            properties.put(ORIGINAL_EVENT_NAME, event);
        }
        String orderId = TrackedEvent.PLACED_ORDER.equals(name)
                ? text(properties, ORDER_ID, "properties." + ORDER_ID, errors) : null;
        return new Call(name, orderId != null ? orderId : idOrNew(messageId), Map.of());
    }

    private static Call identify(Map<String, Object> message, Map<String, Object> contextTraits, String messageId,
                          SegmentAliases aliases, List<FieldError> errors) {
        Map<String, Object> ownTraits = propertyObject(message, "traits", "traits", errors);
        if (ownTraits.get("email") != null) {
            aliases.addEmail(ownTraits, "traits.email");
        } else {
            aliases.addEmail(contextTraits, "context.traits.email");
        }
        PropertyKeys.check(contextTraits, "context.traits", Set.of(), errors);
        return new Call(SegmentType.IDENTIFY.eventName(), idOrNew(messageId),
                SegmentTraits.profileProperties(merged(contextTraits, ownTraits)));
    }

    private static Call view(SegmentType type, Map<String, Object> message, Map<String, Object> properties,
                             String messageId) {
        for (String field : List.of("name", "category")) {
            if (string(message.get(field)) != null) {
                properties.putIfAbsent(field, string(message.get(field)));
            }
        }
        return new Call(type.eventName(), idOrNew(messageId), Map.of());
    }

    private static Call group(Map<String, Object> message, Map<String, Object> properties, String messageId,
                              List<FieldError> errors) {
        String groupId = requiredText(message, "groupId", "groupId", "is required for a group call", errors);
        Map<String, Object> traits = propertyObject(message, "traits", "traits", errors);
        properties.put("groupId", groupId);
        if (!traits.isEmpty()) {
            properties.put("traits", traits);
        }
        return new Call(SegmentType.GROUP.eventName(), idOrNew(messageId), Map.of());
    }

    private static Call alias(Map<String, Object> message, String userId, String anonymousId, String messageId,
                              SegmentAliases aliases, List<FieldError> errors) {
        String previousId = requiredText(message, "previousId", "previousId", "is required for an alias call", errors);
        if (userId == null && errors.stream().noneMatch(e -> e.field().equals("userId"))) {
            errors.add(new FieldError("userId", "is required for an alias call"));
        }
        if (previousId != null) {
            aliases.add(PreviousId.aliasType(previousId, anonymousId), previousId, "previousId");
        }
        return new Call(SegmentType.ALIAS.eventName(), idOrNew(messageId), Map.of());
    }

    /** The page URL (with the campaign as utm parameters) and referrer, from the page's properties or context.page. */
    private static void addPage(SegmentType type, Map<String, Object> properties, Map<String, Object> context) {
        Map<String, Object> page = context.get("page") instanceof Map<?, ?> map ? castMap(map) : Map.of();
        Map<String, Object> campaign = context.get("campaign") instanceof Map<?, ?> map ? castMap(map) : Map.of();
        boolean isView = type == SegmentType.PAGE || type == SegmentType.SCREEN;
        String url = firstOf(isView ? string(properties.get("url")) : null, string(page.get("url")));
        String referrer = firstOf(isView ? string(properties.get(REFERRER)) : null, string(page.get(REFERRER)));
        if (url != null) {
            properties.put(URL, CampaignUrl.withCampaign(url, campaign));
        }
        if (referrer != null) {
            properties.put(REFERRER, referrer);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String idOrNew(String messageId) {
        return messageId != null ? messageId : UUID.randomUUID().toString();
    }
}
