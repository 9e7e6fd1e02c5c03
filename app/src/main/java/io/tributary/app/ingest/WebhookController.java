package io.tributary.app.ingest;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.Rejection;
import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.SourceCredentials;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The Converge-style server webhook: one JSON event per request. */
@RestController
class WebhookController {

    static final int MAX_BODY = 32 * 1024;
    static final String TOKEN_HEADER = "X-Webhook-Token";

    private final SourceGate gate;
    private final JsonBody json;
    private final TrackedEventReader reader;
    private final IngestionQueue queue;

    WebhookController(SourceGate gate, JsonBody json, TrackedEventReader reader, IngestionQueue queue) {
        this.gate = gate;
        this.json = json;
        this.reader = reader;
        this.queue = queue;
    }

    @PostMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                HttpServletRequest request) {
        SourceCredentials source = gate.server(token, TOKEN_HEADER);
        requireJson(request.getContentType());
        Instant receivedAt = reader.now();
        String text = RawBody.read(request, MAX_BODY);
        String recordId = UUID.randomUUID().toString();
        Map<String, Object> body = json.object(text).orElse(null);
        if (body == null) {
            throw rejected(new Rejection(recordId, source.sourceId(), receivedAt, text, null, null,
                    List.of(new FieldError("body", "must be a JSON object"))));
        }
        TrackedEventReader.Result result = reader.read(body, FieldNames.WEBHOOK, receivedAt);
        if (!result.isValid()) {
            throw rejected(new Rejection(recordId, source.sourceId(), receivedAt, text,
                    textOrNull(body.get(FieldNames.WEBHOOK.eventName())), textOrNull(body.get(FieldNames.WEBHOOK.eventId())),
                    result.errors()));
        }
        IngestionOutcome outcome = queue.submit(
                List.of(new Intake(recordId, source.sourceId(), source.type(), receivedAt, result.event())), List.of()).get(0);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("event_id", outcome.eventId());
        response.put("status", outcome.status().wireName());
        response.put("profile_id", outcome.profileId());
        response.put("session_id", outcome.sessionId());
        return response;
    }

    private ApiProblem rejected(Rejection rejection) {
        queue.submit(List.of(), List.of(rejection));
        return new ApiProblem(HttpStatus.BAD_REQUEST, rejection.errors());
    }

    private static void requireJson(String contentType) {
        if (!MediaTypes.isOneOf(contentType, MediaType.APPLICATION_JSON)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "must be application/json");
        }
    }

    static String textOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
