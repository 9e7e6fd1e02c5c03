package io.tributary.app.dashboard;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.EventLogPage;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.source.SourceView;
import io.tributary.app.quality.Instants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The Event Log: filters, newest first with paging, a live tail, and the full entry of a row. */
@Controller
class EventLogPages {

    private final QueryGateway queries;

    EventLogPages(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/dashboard/events")
    String list(@RequestParam(required = false) String sourceId, @RequestParam(required = false) String eventName,
                @RequestParam(required = false) String profileId, @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String cursor, Model model) {
        EventFilters filters = EventFilters.read(sourceId, eventName, profileId, status, from, to, cursor);
        List<SourceView> sources = SourcePages.sources(queries);
        EventLogPage page = filters.errors().isEmpty()
                ? queries.query(filters.query(EventFilters.PAGE_SIZE), ResponseTypes.instanceOf(EventLogPage.class)).join()
                : new EventLogPage(List.of(), null);
        model.addAttribute("filters", filters);
        model.addAttribute("page", page);
        model.addAttribute("sources", sources);
        model.addAttribute("sourceNames", names(sources));
        model.addAttribute("active", "events");
        return "dashboard/events";
    }

    /** One entry: {@code at} (its event time, or receive time when rejected) and its name locate it in the log. */
    @GetMapping("/dashboard/events/{recordId}")
    String entry(@PathVariable String recordId, @RequestParam(required = false) String eventName,
                 @RequestParam(required = false) String at,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Instant time = Instants.parse("at", at, new ArrayList<>());
        Optional<EventLogItem> item = time == null ? Optional.empty() : find(recordId, eventName, time);
        List<SourceView> sources = SourcePages.sources(queries);
        model.addAttribute("recordId", recordId);
        model.addAttribute("item", item.orElse(null));
        model.addAttribute("sourceNames", names(sources));
        model.addAttribute("active", "events");
        return htmx != null ? "dashboard/event :: detail" : "dashboard/event";
    }

    private Optional<EventLogItem> find(String recordId, String eventName, Instant at) {
        FindEvents around = new FindEvents(null, eventName == null || eventName.isBlank() ? null : eventName, null, null,
                at, at.plusMillis(1), 1000, null);
        return queries.query(around, ResponseTypes.instanceOf(EventLogPage.class)).join().items().stream()
                .filter(item -> recordId.equals(item.recordId())).findFirst();
    }

    static Map<String, String> names(List<SourceView> sources) {
        Map<String, String> names = new LinkedHashMap<>();
        sources.forEach(source -> names.put(source.id(), source.name()));
        return names;
    }

    /** The link that opens an entry. */
    static String entryLink(String recordId, String eventName, Instant at) {
        return "/dashboard/events/" + URLEncoder.encode(recordId, StandardCharsets.UTF_8) + "?at=" + at
                + (eventName == null ? "" : "&eventName=" + URLEncoder.encode(eventName, StandardCharsets.UTF_8));
    }
}
