package io.tributary.query.eventlog;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.eventlog.EventLogPage;
import io.tributary.api.eventlog.FindEventLogEntry;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.query.support.EmbeddedMongo;
import io.tributary.query.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.duplicate;
import static io.tributary.query.support.Fixtures.evidence;
import static io.tributary.query.support.Fixtures.recorded;
import static io.tributary.query.support.Fixtures.rejected;
import static io.tributary.query.support.Fixtures.survivorSide;
import static io.tributary.query.support.Fixtures.tracked;
import static org.assertj.core.api.Assertions.assertThat;

class EventLogProjectionTest extends EmbeddedMongo {

    private EventLogProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new EventLogProjection(database);
    }

    @Test
    void pagesThroughAllEventsNewestFirstWithoutOverlapOrGaps() {
        // three records per received second, so the recordId tie-break matters
        IntStream.range(0, 120).forEach(i -> projection.on(recorded("r%03d".formatted(i), "p1", at(i / 3))));
        List<String> expected = IntStream.range(0, 120).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> i / 3).thenComparing(i -> "r%03d".formatted(i)).reversed())
                .map("r%03d"::formatted).toList();

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            EventLogPage page = projection.handle(new FindEvents(null, null, null, null, null, null, 50, cursor));
            page.items().forEach(item -> seen.add(item.recordId()));
            pageSizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(50, 50, 20);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersByTheEventsOwnIdAndByAnAliasItCarried() {
        projection.on(recorded("r1", "p1", "web", null, at(10), withAliases(tracked("Viewed Product", "e1", at(1)),
                "urn:anonymous_id:a1", "urn:email:ann@example.com")));
        projection.on(recorded("r2", "p1", "web", null, at(11), withAliases(tracked("Added To Cart", "e2", at(2)),
                "urn:anonymous_id:a1")));
        projection.on(recorded("r3", "p2", "shop", null, at(12), withAliases(tracked("Placed Order", "e1", at(3)),
                "urn:email:bob@example.com")));

        assertThat(recordIds(new FindEvents(null, null, null, null, null, null, 10, null, "e1", null)))
                .containsExactly("r3", "r1");
        assertThat(recordIds(new FindEvents(null, null, null, null, null, null, 10, null, null, "urn:anonymous_id:a1")))
                .containsExactly("r2", "r1");
        assertThat(recordIds(new FindEvents(null, null, null, null, null, null, 10, null, "e1", "urn:anonymous_id:a1")))
                .containsExactly("r1");
        assertThat(recordIds(new FindEvents(null, null, null, null, null, null, 10, null, null, "urn:email:nobody@x.org")))
                .isEmpty();
    }

    @Test
    void findsOneEntryByItsRecordIdAndNothingForAnUnknownOne() {
        projection.on(recorded("r1", "p1", "web", null, at(10), tracked("Viewed Product", "e1", at(1))));
        projection.on(rejected("r2", "web", at(4), new FieldError("aliases", "at least 1 required")));

        assertThat(projection.handle(new FindEventLogEntry("r1"))).satisfies(item -> {
            assertThat(item.recordId()).isEqualTo("r1");
            assertThat(item.eventId()).isEqualTo("e1");
            assertThat(item.status()).isEqualTo("accepted");
        });
        assertThat(projection.handle(new FindEventLogEntry("r2")).status()).isEqualTo("rejected");
        assertThat(projection.handle(new FindEventLogEntry("unknown"))).isNull();
    }

    private static TrackedEvent withAliases(TrackedEvent event, String... aliases) {
        return new TrackedEvent(event.eventName(), event.eventId(), event.properties(), event.profileProperties(),
                List.of(aliases), event.timestamp(), event.timestampOffset(), event.flags());
    }

    @Test
    void filtersBySourceEventNameStatusAndEventTime() {
        projection.on(recorded("r1", "p1", "web", null, at(10), tracked("Viewed Product", "e1", at(1))));
        projection.on(recorded("r2", "p1", "web", null, at(11), tracked("Added To Cart", "e2", at(2))));
        projection.on(recorded("r3", "p2", "shop", null, at(12), tracked("Viewed Product", "e3", at(3))));
        projection.on(rejected("r4", "web", at(4), new FieldError("aliases", "at least 1 required")));

        assertThat(recordIds(new FindEvents("web", null, null, null, null, null, 10, null))).containsExactly("r2", "r1", "r4");
        assertThat(recordIds(new FindEvents(null, "Viewed Product", null, null, null, null, 10, null))).containsExactly("r3", "r1");
        assertThat(recordIds(new FindEvents(null, null, "p2", null, null, null, 10, null))).containsExactly("r3");
        assertThat(recordIds(new FindEvents(null, null, null, "REJECTED", null, null, 10, null))).containsExactly("r4");
        assertThat(recordIds(new FindEvents(null, null, null, null, at(2), at(4), 10, null))).containsExactly("r3", "r2");
        assertThat(recordIds(new FindEvents(null, null, null, null, at(4), null, 10, null))).containsExactly("r4");
    }

    @Test
    void recordsDuplicatesAndRejectionsWithTheirReasons() {
        projection.on(duplicate("r2", "p1", "shop", at(5), "r1", DuplicateKind.CROSS_SOURCE));
        projection.on(rejected("r3", "shop", at(6), new FieldError("event_id", "required"),
                new FieldError("timestamp", "more than 23 h in the future")));

        EventLogItem rejectedItem = only(new FindEvents(null, null, null, "rejected", null, null, 10, null));
        EventLogItem duplicateItem = only(new FindEvents(null, null, null, "duplicate", null, null, 10, null));

        assertThat(duplicateItem.reasons()).containsExactly("duplicate of r1 (cross_source)");
        assertThat(duplicateItem.eventName()).isEqualTo(TrackedEvent.PLACED_ORDER);
        assertThat(duplicateItem.payload()).isNull();
        assertThat(rejectedItem.reasons()).containsExactly("event_id: required", "timestamp: more than 23 h in the future");
        assertThat(rejectedItem.payload()).isEqualTo("{\"event_name\":\"\"}");
        assertThat(rejectedItem.eventName()).isNull();
        assertThat(rejectedItem.receivedAt()).isEqualTo(at(6));
    }

    @Test
    void keepsTheTrackedEventAsReceived() {
        Instant timestamp = Instant.parse("2025-03-01T09:59:58.456Z");
        projection.on(recorded("r1", "p1", "web", "s1", at(1), tracked("Viewed Product", "e1", timestamp)));

        EventLogItem item = only(new FindEvents(null, null, null, null, null, null, 10, null));

        assertThat(item.status()).isEqualTo("accepted");
        assertThat(item.reasons()).isEmpty();
        assertThat(item.timestamp()).isEqualTo(timestamp);
        assertThat(item.sessionId()).isEqualTo("s1");
        assertThat(item.properties()).isEqualTo(Map.of("url", "https://shop.example/p/1"));
        assertThat(item.profileProperties()).isEqualTo(Map.of("$email", "ann@example.com"));
        assertThat(item.aliases()).containsExactly("urn:email:ann@example.com");
    }

    @Test
    void recordingTheSameEventTwiceKeepsOneEntry() {
        projection.on(recorded("r1", "p1", at(1)));
        projection.on(recorded("r1", "p1", at(1)));

        assertThat(recordIds(new FindEvents(null, null, null, null, null, null, 10, null))).containsExactly("r1");
    }

    @Test
    void profileFilterFindsEventsOfMergedProfilesButEntriesKeepTheirProfile() {
        projection.on(recorded("r1", "survivor", at(1)));
        projection.on(recorded("r2", "merged", at(2)));
        projection.on(survivorSide("survivor", "merged", List.of(), Map.of(), evidence("r3", at(3))));
        projection.on(recorded("r2", "merged", at(2))); // redelivered after the merge
        projection.on(recorded("r4", "merged", at(4))); // projected late, after the merge

        List<EventLogItem> items = projection.handle(new FindEvents(null, null, "survivor", null, null, null, 10, null)).items();

        assertThat(items).extracting(EventLogItem::recordId).containsExactly("r4", "r2", "r1");
        assertThat(items).extracting(EventLogItem::profileId).containsExactly("merged", "merged", "survivor");
        assertThat(recordIds(new FindEvents(null, null, "merged", null, null, null, 10, null))).containsExactly("r4", "r2", "r1");
    }

    @Test
    void profileFilterFollowsMergeChainsInAnyOrder() {
        projection.on(recorded("r1", "a", at(1)));
        projection.on(recorded("r2", "b", at(2)));
        projection.on(survivorSide("c", "b", List.of(), Map.of(), evidence("m2", at(4))));
        projection.on(survivorSide("b", "a", List.of(), Map.of(), evidence("m1", at(3))));

        assertThat(recordIds(new FindEvents(null, null, "c", null, null, null, 10, null))).containsExactly("r2", "r1");
    }

    @Test
    void streamsEveryMatchingEventWhenNoLimitIsGiven() {
        IntStream.range(0, 1200).forEach(i -> projection.on(recorded("r%04d".formatted(i), "p1", at(i))));
        List<String> streamed = new ArrayList<>();

        projection.streamEvents(new FindEvents(null, null, null, null, null, null, null, null),
                item -> streamed.add(item.recordId()));

        assertThat(streamed).hasSize(1200).startsWith("r1199").endsWith("r0000").doesNotHaveDuplicates();
        assertThat(projection.handle(new FindEvents(null, null, null, null, null, null, 5000, null)).items()).hasSize(1000);
        assertThat(projection.handle(new FindEvents(null, null, null, null, null, null, 0, null)).items()).hasSize(50);
    }

    @Test
    void resetClearsTheLog() {
        projection.on(recorded("r1", "p1", at(1)));

        projection.reset();

        assertThat(recordIds(new FindEvents(null, null, null, null, null, null, 10, null))).isEmpty();
    }

    private List<String> recordIds(FindEvents query) {
        return projection.handle(query).items().stream().map(EventLogItem::recordId).toList();
    }

    private EventLogItem only(FindEvents query) {
        List<EventLogItem> items = projection.handle(query).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
