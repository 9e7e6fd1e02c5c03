package io.tributary.app.identity;

import io.tributary.api.identity.FindIdentityDecisions;
import io.tributary.api.identity.IdentityDecisionRow;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merge stream as CSV: every identity decision that shapes the graph (profile created, alias linked, merge,
 * split) and every refused merge, in the order decided. Applied in order to an empty graph it rebuilds which
 * profile owns each alias (README, "Identity operations").
 */
@RestController
class MergeStreamController {

    static final String HEADER = "seq,at,decision,profile_id,other_profile_id,event_id,aliases,rule";

    private final QueryGateway queries;

    MergeStreamController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/identity/merges.csv")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        List<IdentityDecisionRow> rows = queries.query(new FindIdentityDecisions(fromInstant, toInstant),
                ResponseTypes.multipleInstancesOf(IdentityDecisionRow.class)).join();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"merges.csv\"");
        Writer out = response.getWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.split(",")).get())) {
            for (IdentityDecisionRow row : rows) {
                csv.printRecord(row.seq(), row.at(), row.decision(), row.profileId(), row.otherProfileId(),
                        textCell(row.eventId()), String.join(" ", row.aliases()), row.rule());
            }
        }
    }

    /** A client's event id a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
    static String textCell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
