package io.tributary.app.commerce;

import io.tributary.api.backfill.StartBackfill;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.SourceType;
import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.CommerceCredentials;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a backfill of a store's orders: {@code POST /api/sources/{id}/backfill {"since": "2024-01-01"}} (a date,
 * read as midnight UTC, or an ISO-8601 time; without it, all history). Progress shows on {@code GET
 * /api/sources/{id}}.
 */
@RestController
class BackfillController {

    private static final String SINCE = "since";

    private final StoreIntake intake;
    private final CommandGateway commands;

    BackfillController(StoreIntake intake, CommandGateway commands) {
        this.intake = intake;
        this.commands = commands;
    }

    @PostMapping("/api/sources/{id}/backfill")
    ResponseEntity<Map<String, Object>> start(@PathVariable String id,
                                              @RequestBody(required = false) Map<String, Object> body) {
        Instant now = intake.now();
        Instant since = since(body == null ? null : body.get(SINCE), now);
        CommerceCredentials store = intake.find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "id",
                "no Shopify or WooCommerce source " + id));
        String backfillId = UUID.randomUUID().toString();
        String running = commands.sendAndWait(new StartBackfill(id, backfillId, since, now));
        if (running == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, store.type() == SourceType.SHOPIFY ? "adminApiToken"
                    : "consumerKey", "the source has no API credentials to read its orders with");
        }
        if (!running.equals(backfillId)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "id", "backfill " + running + " is still running");
        }
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("backfillId", backfillId);
        started.put("status", "running");
        started.put(SINCE, since);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    private static Instant since(Object value, Instant now) {
        if (value == null) {
            return Instant.EPOCH;
        }
        Instant since = value instanceof String text ? parse(text.trim()) : null;
        if (since == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, List.of(new FieldError(SINCE,
                    "must be a date (2024-01-01) or an ISO-8601 time with a zone")));
        }
        if (since.isAfter(now)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, SINCE, "must not be in the future");
        }
        return since;
    }

    private static Instant parse(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notATime) {
                return null;
            }
        }
    }
}
