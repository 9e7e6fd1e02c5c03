package io.tributary.app.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.Rejection;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.CommerceCredentials;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.source.SourceType;
import io.tributary.app.ingest.IngestionQueue;
import io.tributary.app.ingest.IntakeUnavailable;
import io.tributary.app.ingest.RawBody;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The intake of store sources, shared by the Shopify and WooCommerce webhooks and the backfill: which source,
 * whether the signature holds (before anything is parsed), then the tracked events, with their delivery id, through
 * {@link IngestionQueue#submit}. Whether a delivery or an order was already recorded is the command side's decision,
 * recorded as a {@code DuplicateDiscarded}. Answers only once everything is stored.
 */
@Component
public class StoreIntake {

    static final String STORED = "stored";
    private static final String ALREADY_RECORDED = IngestionStatus.ALREADY_RECORDED.wireName();
    private static final int CHUNK = 100;

    private final IntakeDirectory directory;
    private final IngestionQueue queue;
    private final ObjectMapper mapper;
    private final PayloadBounds payloadBounds;
    private final int maxBodyBytes;
    private final Clock clock = Clock.systemUTC();

    StoreIntake(IntakeDirectory directory, IngestionQueue queue, ObjectMapper mapper, PayloadBounds payloadBounds,
                CommerceProperties commerce) {
        this.directory = directory;
        this.queue = queue;
        this.mapper = mapper;
        this.payloadBounds = payloadBounds;
        this.maxBodyBytes = commerce.maxBodyBytes();
    }

    /** What a delivery gave, for the webhook's answer. */
    public record Outcome(String eventName, String eventId, String status, String profileId, String sessionId) {
    }

    public record Submitted(List<Outcome> outcomes) {
        public int accepted() {
            return count(IngestionStatus.ACCEPTED.wireName());
        }

        /** Duplicates of a kept copy, and events this store had already recorded. */
        public int alreadyPresent() {
            return count(IngestionStatus.DUPLICATE.wireName()) + count(ALREADY_RECORDED);
        }

        /** Every event of the delivery was recorded from an earlier copy of it. */
        boolean isRedelivery() {
            return !outcomes.isEmpty() && count(IngestionStatus.DUPLICATE_DELIVERY.wireName()) == outcomes.size();
        }

        private int count(String status) {
            return (int) outcomes.stream().filter(o -> o.status().equals(status)).count();
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** The enabled store source of that type: 404 when there is none, 403 when it is disabled. */
    public CommerceCredentials source(String sourceId, SourceType type) {
        CommerceCredentials source = directory.store(sourceId).filter(found -> found.type() == type)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "sourceId",
                        "no " + type.wireName() + " source " + sourceId));
        if (!source.enabled()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "sourceId", "the source is disabled");
        }
        return source;
    }

    public Optional<CommerceCredentials> find(String sourceId) {
        return directory.store(sourceId);
    }

    public byte[] body(HttpServletRequest request) {
        return RawBody.bytes(request, maxBodyBytes);
    }

    /** The headers a store's webhooks carry their signature, topic and delivery id in. */
    public record WebhookHeaders(String signature, String topic, String deliveryId) {
    }

    /**
     * A signed webhook delivery: 401 unless signed, otherwise the body mapped from its topic and stored; the earlier
     * answer when the command side finds the delivery id already recorded.
     */
    public Map<String, Object> receiveSigned(CommerceCredentials source, Instant receivedAt, byte[] body,
                                             HttpServletRequest request, WebhookHeaders headers,
                                             BiFunction<String, JsonNode, Mapped> mapping, boolean skipRecorded) {
        verify(source, body, request.getHeader(headers.signature()), headers.signature());
        String deliveryId = request.getHeader(headers.deliveryId());
        Mapped mapped = json(body).map(json -> bounded(json, request.getHeader(headers.topic()), mapping))
                .orElseGet(() -> Mapped.invalid(List.of(new FieldError("body", "must be a JSON object"))));
        return receive(source, deliveryId, receivedAt, body, mapped, skipRecorded);
    }

    /**
     * The payload mapped, once its numbers, keys and nesting are within bounds (checked before any field is read),
     * and refused when a tracked event's time falls outside the window.
     */
    private Mapped bounded(JsonNode json, String topic, BiFunction<String, JsonNode, Mapped> mapping) {
        return bounded(json, payload -> mapping.apply(topic, payload));
    }

    /** The same bounds for an order read from the store's API (backfill) as for a webhook's body. */
    Mapped bounded(JsonNode json, Function<JsonNode, Mapped> mapping) {
        List<FieldError> errors = new ArrayList<>();
        payloadBounds.checkStructure(mapper.convertValue(json, Object.class), "", errors);
        if (!errors.isEmpty()) {
            return Mapped.invalid(errors);
        }
        Mapped mapped = mapping.apply(json);
        List<FieldError> outside = mapped.events().stream().map(event -> payloadBounds.timeError(event.timestamp()))
                .filter(Objects::nonNull).distinct().map(message -> new FieldError("timestamp", message)).toList();
        return outside.isEmpty() ? mapped : Mapped.invalid(outside);
    }

    /** 401 unless the header signs these exact bytes with the current secret, or the previous one in its grace period. */
    private void verify(CommerceCredentials source, byte[] body, String signature, String header) {
        if (!StoreSignature.matches(body, signature, source.secretsValidAt(now()))) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, header, "missing or invalid signature");
        }
    }

    private Optional<JsonNode> json(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * Stores what a webhook delivery means and answers it: 400 (kept as a rejected entry) when it is invalid, the
     * outcome of each tracked event otherwise.
     *
     * @param skipRecorded leave out events this store already recorded (WooCommerce repeats whole orders)
     */
    private Map<String, Object> receive(CommerceCredentials source, String deliveryId, Instant receivedAt, byte[] body,
                                        Mapped mapped, boolean skipRecorded) {
        if (mapped.isInvalid()) {
            boolean rejectedBefore = deliveryId != null && directory.deliveryWasRejected(source.sourceId(), deliveryId);
            queue.submit(List.of(), List.of(rejection(source, receivedAt, body, mapped.errors(), deliveryId)));
            if (rejectedBefore) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "body",
                        "this delivery was rejected before; it is kept in the event log");
            }
            throw new ApiProblem(HttpStatus.BAD_REQUEST, mapped.errors());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (mapped.isIgnored()) {
            answer.put("status", "ignored");
            answer.put("reason", mapped.ignored());
            return answer;
        }
        Submitted submitted = submit(source, mapped.events(), List.of(), receivedAt, skipRecorded, deliveryId);
        if (submitted.isRedelivery()) {
            return Map.of("status", IngestionStatus.DUPLICATE_DELIVERY.wireName());
        }
        answer.put("status", STORED);
        answer.put("events", submitted.outcomes().stream().map(StoreIntake::describe).toList());
        return answer;
    }

    public Rejection rejection(CommerceCredentials source, Instant receivedAt, byte[] payload, List<FieldError> errors) {
        return rejection(source, receivedAt, payload, errors, null);
    }

    private static Rejection rejection(CommerceCredentials source, Instant receivedAt, byte[] payload,
                                       List<FieldError> errors, String deliveryId) {
        return new Rejection(UUID.randomUUID().toString(), source.sourceId(), receivedAt,
                new String(payload, StandardCharsets.UTF_8), null, null, errors, deliveryId);
    }

    /**
     * Submits tracked events (and rejected entries) in chunks, each answered once stored.
     *
     * @param skipRecorded the store repeats whole orders: events it already recorded are discarded as such
     */
    public Submitted submit(CommerceCredentials source, List<TrackedEvent> events, List<Rejection> rejections,
                            Instant receivedAt, boolean skipRecorded) {
        return submit(source, events, rejections, receivedAt, skipRecorded, null);
    }

    private Submitted submit(CommerceCredentials source, List<TrackedEvent> events, List<Rejection> rejections,
                             Instant receivedAt, boolean skipRecorded, String deliveryId) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Intake> intakes = events.stream().map(event -> new Intake(UUID.randomUUID().toString(), source.sourceId(),
                source.type(), receivedAt, directory.timestampBounds().clamp(event, receivedAt), deliveryId,
                skipRecorded)).toList();
        requireRunning();
        for (int from = 0; from < Math.max(intakes.size(), rejections.size()); from += CHUNK) {
            List<Intake> chunk = intakes.subList(Math.min(from, intakes.size()), Math.min(from + CHUNK, intakes.size()));
            List<IngestionOutcome> stored = queue.submit(chunk,
                    rejections.subList(Math.min(from, rejections.size()), Math.min(from + CHUNK, rejections.size())));
            for (int i = 0; i < chunk.size(); i++) {
                TrackedEvent event = chunk.get(i).event();
                IngestionOutcome outcome = stored.get(i);
                outcomes.add(outcome.status() == IngestionStatus.ALREADY_RECORDED
                        ? new Outcome(event.eventName(), event.eventId(), ALREADY_RECORDED, null, null)
                        : new Outcome(event.eventName(), event.eventId(), outcome.status().wireName(),
                                outcome.profileId(), outcome.sessionId()));
            }
        }
        return new Submitted(outcomes);
    }

    private void requireRunning() {
        if (!queue.isRunning()) {
            throw new IntakeUnavailable("the intake is stopping", null);
        }
    }

    private static Map<String, Object> describe(Outcome outcome) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("event_name", outcome.eventName());
        described.put("event_id", outcome.eventId());
        described.put("status", outcome.status());
        described.put("profile_id", outcome.profileId());
        described.put("session_id", outcome.sessionId());
        return described;
    }
}
