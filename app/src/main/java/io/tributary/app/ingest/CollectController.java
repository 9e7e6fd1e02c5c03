package io.tributary.app.ingest;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.Rejection;
import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.SourceCredentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser collect endpoint the pixel calls: a batch of events per request, sent as {@code text/plain}
 * (sendBeacon, no preflight) or JSON. One invalid event does not reject the others.
 */
@RestController
class CollectController {

    static final int MAX_BODY = 500 * 1024;
    private static final String TOKEN = "token";

    private final SourceGate gate;
    private final JsonBody json;
    private final TrackedEventReader reader;
    private final IngestionQueue queue;

    CollectController(SourceGate gate, JsonBody json, TrackedEventReader reader, IngestionQueue queue) {
        this.gate = gate;
        this.json = json;
        this.reader = reader;
        this.queue = queue;
    }

    @PostMapping(path = "/api/collect/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> collect(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        SourceCredentials source = gate.browser(token, TOKEN);
        Cors.allow(source, request, response);
        if (!MediaTypes.isOneOf(request.getContentType(), MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "must be text/plain or application/json");
        }
        Instant receivedAt = reader.now();
        String text = RawBody.read(request, MAX_BODY);
        Object events = json.object(text).map(body -> body.get("events")).orElse(null);
        if (!(events instanceof List<?> list)) {
            queue.submit(List.of(), List.of(new Rejection(UUID.randomUUID().toString(), source.sourceId(), receivedAt,
                    text, null, null, List.of(new FieldError("events", "must be an array of events")))));
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "events", "must be an array of events");
        }
        return decide(source, list, receivedAt);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> decide(SourceCredentials source, List<?> events, Instant receivedAt) {
        List<Intake> intakes = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            Object item = events.get(index);
            String recordId = UUID.randomUUID().toString();
            List<FieldError> errors;
            if (item instanceof Map<?, ?> map) {
                Map<String, Object> event = (Map<String, Object>) map;
                errors = new ArrayList<>(methodErrors(event));
                TrackedEventReader.Result result = reader.read(event, FieldNames.PIXEL, receivedAt);
                errors.addAll(result.errors());
                if (errors.isEmpty()) {
                    intakes.add(new Intake(recordId, source.sourceId(), source.type(), receivedAt, result.event()));
                    continue;
                }
                rejections.add(new Rejection(recordId, source.sourceId(), receivedAt, json.write(event),
                        WebhookController.textOrNull(event.get("eventName")),
                        WebhookController.textOrNull(event.get("eventID")), errors));
            } else {
                errors = List.of(new FieldError("events[" + index + "]", "must be an object"));
                rejections.add(new Rejection(recordId, source.sourceId(), receivedAt, json.write(item), null, null, errors));
            }
            rejected.add(Map.of("index", index, "errors", errors));
        }
        List<IngestionOutcome> outcomes = queue.submit(intakes, rejections);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("accepted", outcomes.stream().filter(o -> o.status() == IngestionStatus.ACCEPTED).count());
        response.put("duplicates", outcomes.stream().filter(o -> o.status() == IngestionStatus.DUPLICATE).count());
        response.put("rejected", rejected);
        return response;
    }

    private static List<FieldError> methodErrors(Map<String, Object> event) {
        Object method = event.get("method");
        return method == null || "track".equals(method) ? List.of()
                : List.of(new FieldError("method", "must be track"));
    }
}
