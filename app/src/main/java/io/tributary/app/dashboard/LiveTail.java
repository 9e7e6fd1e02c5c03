package io.tributary.app.dashboard;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.EventLogPage;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Event Log's live tail as server-sent events: every second the newest page of the filtered log is read, and
 * the entries received since the last look are sent, oldest first, as {@code entry} events of JSON. At most
 * {@value #POLL_SIZE} entries per second reach a tail; the paged log has them all.
 */
@RestController
class LiveTail {

    static final int POLL_SIZE = 100;
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final QueryGateway queries;
    private final DashboardLinks links;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-live-tail");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Tail> tails = ConcurrentHashMap.newKeySet();

    LiveTail(QueryGateway queries, DashboardLinks links) {
        this.queries = queries;
        this.links = links;
        poller.scheduleWithFixedDelay(this::pollAll, 1, 1, TimeUnit.SECONDS);
    }

    @GetMapping(path = "/dashboard/events/tail", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter tail(@RequestParam(required = false) String sourceId, @RequestParam(required = false) String eventName,
                    @RequestParam(required = false) String profileId, @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to) {
        EventFilters filters = EventFilters.read(sourceId, eventName, profileId, status, from, to, null);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Tail tail = new Tail(filters, emitter);
        tail.markSeen(newest(filters));
        emitter.onCompletion(() -> tails.remove(tail));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> tails.remove(tail));
        try {
            // sent at once, so the browser sees the stream open before the first entry arrives
            emitter.send(SseEmitter.event().name("ready").data(filters.errors().isEmpty() ? "ok" : "bad filters"));
        } catch (IOException e) {
            emitter.complete();
            return emitter;
        }
        tails.add(tail);
        return emitter;
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        tails.forEach(tail -> tail.emitter.complete());
    }

    private void pollAll() {
        for (Tail tail : tails) {
            try {
                List<EventLogItem> fresh = tail.unseen(newest(tail.filters));
                for (EventLogItem item : fresh) {
                    tail.emitter.send(SseEmitter.event().name("entry").data(row(item), MediaType.APPLICATION_JSON));
                }
                tail.markSeen(fresh);
            } catch (IOException | RuntimeException gone) {
                // most often the browser closed the page; the stream just ends
                tails.remove(tail);
                tail.emitter.complete();
            }
        }
    }

    private List<EventLogItem> newest(EventFilters filters) {
        if (!filters.errors().isEmpty()) {
            return List.of();
        }
        return queries.query(filters.query(POLL_SIZE), ResponseTypes.instanceOf(EventLogPage.class)).join().items();
    }

    private Map<String, Object> row(EventLogItem item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("recordId", item.recordId());
        row.put("receivedAt", item.receivedAt() == null ? null : item.receivedAt().toString());
        row.put("timestamp", item.timestamp() == null ? null : item.timestamp().toString());
        row.put("eventName", item.eventName());
        row.put("sourceId", item.sourceId());
        row.put("status", item.status());
        row.put("profileId", item.profileId());
        row.put("link", links.entry(item));
        return row;
    }

    /** One open tail and the newest entry it has seen (receive time, then record id: the log's order). */
    private static final class Tail {
        private final EventFilters filters;
        private final SseEmitter emitter;
        private Instant seenAt = Instant.EPOCH;
        private String seenId = "";

        Tail(EventFilters filters, SseEmitter emitter) {
            this.filters = filters;
            this.emitter = emitter;
        }

        List<EventLogItem> unseen(List<EventLogItem> newestFirst) {
            List<EventLogItem> fresh = new ArrayList<>(newestFirst.stream().filter(this::isNew).toList());
            fresh.sort(Comparator.comparing(EventLogItem::receivedAt).thenComparing(EventLogItem::recordId));
            return fresh;
        }

        void markSeen(List<EventLogItem> items) {
            items.stream().filter(this::isNew).forEach(item -> {
                seenAt = item.receivedAt();
                seenId = item.recordId();
            });
        }

        private boolean isNew(EventLogItem item) {
            int byTime = item.receivedAt().compareTo(seenAt);
            return byTime > 0 || byTime == 0 && item.recordId().compareTo(seenId) > 0;
        }
    }
}
