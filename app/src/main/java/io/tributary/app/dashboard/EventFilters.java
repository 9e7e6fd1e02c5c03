package io.tributary.app.dashboard;

import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.ingestion.FieldError;
import io.tributary.app.quality.Instants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The Event Log filters as the form sends them (times in UTC), with the problems of bad values. */
public record EventFilters(String sourceId, String eventName, String profileId, String status, Instant from, Instant to,
                           String cursor, List<FieldError> errors) {

    static final int PAGE_SIZE = 50;
    private static final Set<String> STATUSES = Set.of("accepted", "duplicate", "rejected");

    static EventFilters read(String sourceId, String eventName, String profileId, String status, String from, String to,
                             String cursor) {
        List<FieldError> errors = new ArrayList<>();
        String checkedStatus = blankToNull(status);
        if (checkedStatus != null && !STATUSES.contains(checkedStatus)) {
            errors.add(new FieldError("status", "must be accepted, duplicate or rejected"));
            checkedStatus = null;
        }
        Instant start = Instants.parse("from", from, errors);
        Instant end = Instants.parse("to", to, errors);
        return new EventFilters(blankToNull(sourceId), blankToNull(eventName), blankToNull(profileId), checkedStatus,
                start, end, blankToNull(cursor), errors);
    }

    FindEvents query(int limit) {
        return new FindEvents(sourceId, eventName, profileId, status, from, to, limit, cursor);
    }

    /** The filters as a query string (without the cursor), for links: paging, export, live tail. */
    public String queryString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sourceId", sourceId);
        params.put("eventName", eventName);
        params.put("profileId", profileId);
        params.put("status", status);
        params.put("from", from == null ? null : from.toString());
        params.put("to", to == null ? null : to.toString());
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public boolean isFiltered() {
        return sourceId != null || eventName != null || profileId != null || status != null || from != null || to != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
