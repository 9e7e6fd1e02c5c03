package io.tributary.app.segment;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.Rejection;
import io.tributary.app.ingest.Cors;
import io.tributary.app.ingest.IngestionQueue;
import io.tributary.app.ingest.JsonBody;
import io.tributary.app.ingest.SourceGate;
import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.SourceCredentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Segment/RudderStack HTTP Tracking API, so that their SDKs send here unchanged but for the host. A write key
 * is a Tributary source token of either kind; the source's type says whether its events count as browser or
 * server events. One message per request, or a batch in which an invalid message does not reject the others.
 */
@RestController
class SegmentController {

    static final int MAX_MESSAGE = 32 * 1024;
    static final int MAX_BATCH = 500 * 1024;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final SourceGate gate;
    private final JsonBody json;
    private final SegmentAdapter adapter;
    private final IngestionQueue queue;
    private final Clock clock = Clock.systemUTC();

    SegmentController(SourceGate gate, JsonBody json, SegmentAdapter adapter, IngestionQueue queue) {
        this.gate = gate;
        this.json = json;
        this.adapter = adapter;
        this.queue = queue;
    }

    @PostMapping(path = {"/v1/identify", "/v1/i"}, produces = JSON)
    Map<String, Object> identify(HttpServletRequest request, HttpServletResponse response) {
        return single(SegmentType.IDENTIFY, request, response);
    }

    @PostMapping(path = {"/v1/track", "/v1/t"}, produces = JSON)
    Map<String, Object> track(HttpServletRequest request, HttpServletResponse response) {
        return single(SegmentType.TRACK, request, response);
    }

    @PostMapping(path = {"/v1/page", "/v1/p"}, produces = JSON)
    Map<String, Object> page(HttpServletRequest request, HttpServletResponse response) {
        return single(SegmentType.PAGE, request, response);
    }

    @PostMapping(path = {"/v1/screen", "/v1/s"}, produces = JSON)
    Map<String, Object> screen(HttpServletRequest request, HttpServletResponse response) {
        return single(SegmentType.SCREEN, request, response);
    }

    @PostMapping(path = {"/v1/group", "/v1/g"}, produces = JSON)
    Map<String, Object> group(HttpServletRequest request, HttpServletResponse response) {
        return single(SegmentType.GROUP, request, response);
    }

    @PostMapping(path = {"/v1/alias", "/v1/a"}, produces = JSON)
    Map<String, Object> alias(HttpServletRequest request, HttpServletResponse response) {
        return single(SegmentType.ALIAS, request, response);
    }

    /** {@code /v1/import/} is where analytics-java sends its batches. */
    @PostMapping(path = {"/v1/batch", "/v1/b", "/v1/import", "/v1/import/"}, produces = JSON)
    Map<String, Object> batch(HttpServletRequest request, HttpServletResponse response) {
        Received received = receive(request, response, MAX_BATCH);
        Map<String, Object> body = received.body();
        List<FieldError> batchErrors = new ArrayList<>();
        if (!(body.get("batch") instanceof List<?> messages)) {
            throw rejected(received, null, null, payload(body),
                    List.of(new FieldError("batch", "must be an array of messages")));
        }
        Map<String, Object> context = MessageFields.object(body, "context", "context", batchErrors);
        if (!batchErrors.isEmpty()) {
            throw rejected(received, null, null, payload(body), batchErrors);
        }
        List<Intake> intakes = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (int index = 0; index < messages.size(); index++) {
            Object item = messages.get(index);
            String recordId = UUID.randomUUID().toString();
            List<FieldError> errors = errorsOf(item, index);
            if (errors.isEmpty()) {
                SegmentAdapter.Result result = adapter.read(message(item), null, context, body.get("sentAt"),
                        received.at());
                if (result.isValid()) {
                    intakes.add(intake(recordId, received, result));
                    continue;
                }
                errors = result.errors();
            }
            rejections.add(rejection(recordId, received, item, errors));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", index);
            entry.put("messageId", item instanceof Map<?, ?> map ? map.get("messageId") : null);
            entry.put("errors", errors);
            rejected.add(entry);
        }
        queue.submit(intakes, rejections);
        return rejected.isEmpty() ? success() : Map.of("success", true, "rejected", rejected);
    }

    private Map<String, Object> single(SegmentType type, HttpServletRequest request, HttpServletResponse response) {
        Received received = receive(request, response, MAX_MESSAGE);
        Map<String, Object> message = received.body();
        SegmentAdapter.Result result = adapter.read(message, type, Map.of(), null, received.at());
        if (!result.isValid()) {
            throw rejected(received, eventNameOf(message, type), MessageFields.string(message.get("messageId")),
                    payload(message), result.errors());
        }
        queue.submit(List.of(intake(UUID.randomUUID().toString(), received, result)), List.of());
        return success();
    }

    private record Received(SourceCredentials source, Map<String, Object> body, Instant at) {
    }

    /**
     * Authenticates (Basic before reading the body, else the body's writeKey), reads the body within its limit and
     * parses it as JSON whatever its Content-Type says: SDKs send application/json, text/plain (browsers, to skip a
     * CORS preflight), none, or form-urlencoded (the RudderStack Node SDK's gzip batches). A body that is not a JSON
     * object is kept as a rejected entry when its source is known.
     */
    private Received receive(HttpServletRequest request, HttpServletResponse response, int maxBytes) {
        Instant receivedAt = clock.instant();
        SourceCredentials byHeader = WriteKey.fromBasic(request.getHeader(WriteKey.HEADER))
                .map(key -> gate.anyType(key, WriteKey.HEADER)).orElse(null);
        String text = SegmentBody.read(request, maxBytes);
        Map<String, Object> body = json.object(text).orElse(null);
        if (body == null) {
            List<FieldError> notJson = List.of(new FieldError("body", "must be a JSON object"));
            if (byHeader == null) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, notJson);
            }
            Cors.allow(byHeader, request, response);
            throw rejected(new Received(byHeader, null, receivedAt), null, null, WriteKeyMask.masked(text), notJson);
        }
        SourceCredentials source = byHeader != null ? byHeader : fromBody(body);
        Cors.allow(source, request, response);
        return new Received(source, body, receivedAt);
    }

    private SourceCredentials fromBody(Map<String, Object> body) {
        String key = MessageFields.string(body.get(WriteKey.BODY_FIELD));
        if (key == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, WriteKey.BODY_FIELD,
                    "missing: send the write key as HTTP Basic user name or as writeKey in the body");
        }
        return gate.anyType(key, WriteKey.BODY_FIELD);
    }

    private List<FieldError> errorsOf(Object item, int index) {
        if (!(item instanceof Map)) {
            return List.of(new FieldError("batch[" + index + "]", "must be an object"));
        }
        if (json.write(item).getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE) {
            return List.of(new FieldError("batch[" + index + "]", "must be at most " + MAX_MESSAGE / 1024 + " KB"));
        }
        return List.of();
    }

    private static Intake intake(String recordId, Received received, SegmentAdapter.Result result) {
        SourceCredentials source = received.source();
        return new Intake(recordId, source.sourceId(), source.type(), received.at(), result.event());
    }

    private Rejection rejection(String recordId, Received received, Object item, List<FieldError> errors) {
        Map<String, Object> message = item instanceof Map<?, ?> ? message(item) : null;
        return new Rejection(recordId, received.source().sourceId(), received.at(),
                message == null ? json.write(item) : payload(message),
                message == null ? null : eventNameOf(message, null),
                message == null ? null : MessageFields.string(message.get("messageId")), errors);
    }

    private ApiProblem rejected(Received received, String eventName, String eventId, String payload,
                                List<FieldError> errors) {
        queue.submit(List.of(), List.of(new Rejection(UUID.randomUUID().toString(), received.source().sourceId(),
                received.at(), payload, eventName, eventId, errors)));
        return new ApiProblem(HttpStatus.BAD_REQUEST, errors);
    }

    /** The payload as kept in the event log, without its write key (a source token is a secret). */
    private String payload(Map<String, Object> message) {
        Map<String, Object> kept = new LinkedHashMap<>(message);
        if (kept.containsKey(WriteKey.BODY_FIELD)) {
            kept.put(WriteKey.BODY_FIELD, WriteKeyMask.MASK);
        }
        return json.write(kept);
    }

    private static String eventNameOf(Map<String, Object> message, SegmentType endpointType) {
        String event = MessageFields.string(message.get("event"));
        if (event != null) {
            return event;
        }
        SegmentType type = endpointType != null ? endpointType : SegmentType.fromWire(message.get("type")).orElse(null);
        return type == null ? null : type.eventName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(Object item) {
        return (Map<String, Object>) item;
    }

    private static Map<String, Object> success() {
        return Map.of("success", true);
    }
}
