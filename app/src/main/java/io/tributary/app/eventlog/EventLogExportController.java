package io.tributary.app.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.query.eventlog.EventLogProjection;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event log as CSV, newest first, with the same filters as the list and no row cap: streamed as it is read. */
@RestController
class EventLogExportController {

    static final String[] COLUMNS = {"receivedAt", "timestamp", "status", "eventName", "eventId", "recordId", "sourceId",
        "profileId", "sessionId", "reasons", "aliases", "properties", "profileProperties", "payload"};

    private final EventLogProjection eventLog;
    private final ObjectMapper json;
    private final AliasParser aliasRules;

    EventLogExportController(EventLogProjection eventLog, ObjectMapper json, IntakeDirectory intake) {
        this.eventLog = eventLog;
        this.json = json;
        this.aliasRules = intake.aliases();
    }

    @GetMapping("/api/events/export.csv")
    void export(@RequestParam(required = false) String sourceId, @RequestParam(required = false) String eventName,
                @RequestParam(required = false) String profileId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String eventId, @RequestParam(required = false) String alias,
                HttpServletResponse response) throws IOException {
        FindEvents filters = EventLogController.EventLogFilters.parse(blankToNull(sourceId), blankToNull(eventName),
                blankToNull(profileId), blankToNull(status), from, to, null, null, eventId, alias, aliasRules);
        FindEvents everything = new FindEvents(filters.sourceId(), filters.eventName(), filters.profileId(),
                filters.status(), filters.from(), filters.to(), null, null, filters.eventId(), filters.alias());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get())) {
            eventLog.streamEvents(everything, item -> print(csv, item));
        }
    }

    private void print(CSVPrinter csv, EventLogItem item) {
        try {
            csv.printRecord(Stream.of(text(item.receivedAt()), text(item.timestamp()), item.status(),
                    item.eventName(), item.eventId(), item.recordId(), item.sourceId(), item.profileId(),
                    item.sessionId(), join(item.reasons(), "; "), join(item.aliases(), " "), toJson(item.properties()),
                    toJson(item.profileProperties()), item.payload()).map(SpreadsheetCell::of));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Map<String, Object> map) {
        try {
            return map == null ? "" : json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(List<String> values, String separator) {
        return values == null ? "" : String.join(separator, values);
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
