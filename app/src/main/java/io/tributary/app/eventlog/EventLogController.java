package io.tributary.app.eventlog;

import io.tributary.api.eventlog.EventLogPage;
import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.FindEventLogEntry;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.ingestion.FieldError;
import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.ParsedAlias;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event log: every tracked event as accepted, duplicate or rejected, newest first; one entry by its record id;
 * filters by source, name, profile, status, time, the event's own id and an alias it carried.
 */
@RestController
@RequestMapping("/api/events")
class EventLogController {

    static final int MAX_LIMIT = 1000;
    private static final Set<String> STATUSES = Set.of("accepted", "duplicate", "rejected");

    private final QueryGateway queries;
    private final AliasParser aliasRules;

    EventLogController(QueryGateway queries, IntakeDirectory intake) {
        this.queries = queries;
        this.aliasRules = intake.aliases();
    }

    @GetMapping
    EventLogPage page(@RequestParam(required = false) String sourceId, @RequestParam(required = false) String eventName,
                      @RequestParam(required = false) String profileId, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
                      @RequestParam(required = false) String eventId, @RequestParam(required = false) String alias) {
        FindEvents query = EventLogFilters.parse(sourceId, eventName, profileId, status, from, to, limit, cursor,
                eventId, alias, aliasRules);
        return queries.query(query, ResponseTypes.instanceOf(EventLogPage.class)).join();
    }

    @GetMapping("/{recordId}")
    EventLogItem entry(@PathVariable String recordId) {
        EventLogItem item = queries.query(new FindEventLogEntry(recordId), ResponseTypes.instanceOf(EventLogItem.class))
                .join();
        if (item == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "recordId", "no event log entry " + recordId);
        }
        return item;
    }

    /** Turns request parameters into a query, naming every bad parameter. */
    static final class EventLogFilters {
        private EventLogFilters() {
        }

        static FindEvents parse(String sourceId, String eventName, String profileId, String status, String from,
                                String to, String limit, String cursor) {
            return parse(sourceId, eventName, profileId, status, from, to, limit, cursor, null, null, null);
        }

        /** {@code alias} is normalised as intake normalises it ({@code rules} may be null when it is). */
        static FindEvents parse(String sourceId, String eventName, String profileId, String status, String from,
                                String to, String limit, String cursor, String eventId, String alias,
                                AliasParser rules) {
            List<FieldError> errors = new ArrayList<>();
            if (status != null && !STATUSES.contains(status)) {
                errors.add(new FieldError("status", "must be accepted, duplicate or rejected"));
            }
            Instant fromTime = instant("from", from, errors);
            Instant toTime = instant("to", to, errors);
            Integer size = limit(limit, errors);
            String urn = alias(alias, rules, errors);
            if (!errors.isEmpty()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
            }
            return new FindEvents(sourceId, eventName, profileId, status, fromTime, toTime, size, cursor,
                    eventId == null || eventId.isBlank() ? null : eventId, urn);
        }

        private static String alias(String value, AliasParser rules, List<FieldError> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            ParsedAlias parsed = rules.parse(value);
            if (!parsed.isValid()) {
                errors.add(new FieldError("alias", parsed.error()));
                return null;
            }
            return parsed.urn();
        }

        static Instant instant(String field, String value, List<FieldError> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2024-09-02T00:00:00Z"));
                return null;
            }
        }

        private static Integer limit(String value, List<FieldError> errors) {
            if (value == null || value.isBlank()) {
                return 50;
            }
            try {
                int size = Integer.parseInt(value);
                if (size >= 1 && size <= MAX_LIMIT) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            return null;
        }
    }
}
