package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.quality.DataQualityView;
import io.tributary.api.quality.EventQualityView;
import io.tributary.api.quality.FindDataQuality;
import io.tributary.api.quality.QualityWarning;
import io.tributary.api.report.ReportPath;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceRenamed;
import io.tributary.api.source.SourceType;
import io.tributary.query.bench.ShopStream;
import io.tributary.query.support.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A generated shop over weeks (browser and server sources, same-source, conflicting and cross-source duplicates,
 * a record kept against copies in two hours, rejected payloads, spec findings, type drift, clamped and late events,
 * unstitched server events stitched later by sessions and merges), delivered in three arrival orders in random
 * processor batches with some redelivered: over 1 hour, 1, 7 and 30 days, aligned to hours and not, the report added
 * up from the hour roll-ups equals the report folded from every fact, field by field.
 */
class QualityRollupsDifferentialTest extends EmbeddedMongo {

    /** Up to two hours between steps: the shop's few thousand events spread over weeks. */
    static final int SPREAD_OVER_WEEKS = 7_200_000;
    static final List<Object> SHOP = qualityEvents(ShopStream.generate(13, 3_000, SPREAD_OVER_WEEKS));
    private static final Duration OFF_THE_HOUR = Duration.ofMinutes(17).plusSeconds(3);

    /** The orders a shop's events can arrive in at the read model. */
    enum Arrival {
        /** As the event store holds them. */
        STORED,
        /** Shuffled: duplicates before what they copy, sessions after the server events they precede. */
        SHUFFLED,
        /** Every merge after every tracked event: each one a late stitch. */
        MERGES_LAST;

        List<Object> of(List<Object> events, Random random) {
            List<Object> ordered = new ArrayList<>(events);
            switch (this) {
                case STORED -> { }
                case SHUFFLED -> Collections.shuffle(ordered, random);
                case MERGES_LAST -> ordered.sort(Comparator.comparing(e -> e instanceof ProfilesMerged));
            }
            return ordered;
        }
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void rolledUpReportsEqualTheReportsFoldedFromFacts(Arrival arrival) {
        Random random = new Random(arrival.ordinal());
        DataQualityProjection projection = new DataQualityProjection(database, QualitySettings.defaults());
        deliver(projection, arrival.of(SHOP, random), random);
        Instant first = PeriodRollup.hourOf(timesOf(SHOP).min(Comparator.naturalOrder()).orElseThrow());
        Instant last = timesOf(SHOP).max(Comparator.naturalOrder()).orElseThrow();
        Instant end = PeriodRollup.hourOf(last).plus(Duration.ofHours(1));
        assertThat(Duration.between(first, end)).as("the shop's span").isGreaterThan(Duration.ofDays(31));

        int rolledUp = 0;
        for (Instant[] range : ranges(first, end, last)) {
            FindDataQuality rollupQuery = new FindDataQuality(range[0], range[1], range[1]);
            FindDataQuality exactQuery = new FindDataQuality(range[0], range[1], range[1], ReportPath.EXACT);
            DataQualityView rollup = projection.handle(rollupQuery);
            DataQualityView exact = projection.handle(exactQuery);
            assertThat(exact.path()).isEqualTo(ReportPath.EXACT);
            assertThat(rollup).as("%s..%s", range[0], range[1]).usingRecursiveComparison().ignoringFields("path")
                    .isEqualTo(exact);
            assertThat(rollup.path()).as("path of %s..%s", range[0], range[1])
                    .isEqualTo(holdsAWholeHour(range) ? ReportPath.ROLLUP : ReportPath.EXACT);
            rolledUp += ReportPath.ROLLUP.equals(rollup.path()) ? 1 : 0;
        }
        assertThat(rolledUp).as("ranges answered from the roll-ups").isGreaterThanOrEqualTo(15);
        assertShopHasEveryKindOfRecord(projection.handle(new FindDataQuality(first, end, end, ReportPath.EXACT)));
    }

    /**
     * 1 hour, 1, 7 and 30 days, ending at the last hour and mid-history, on the hour and off it; the whole span; a day
     * and a week up to "now" (just after the newest record: its hour taken whole) and up to the newest record itself
     * (which the range leaves out, so its hour's facts are folded).
     */
    static List<Instant[]> ranges(Instant first, Instant end, Instant last) {
        List<Instant[]> ranges = new ArrayList<>();
        for (Instant to : List.of(last.plusMillis(1), last)) {
            ranges.add(new Instant[] {to.minus(Duration.ofDays(1)), to});
            ranges.add(new Instant[] {to.minus(Duration.ofDays(7)), to});
        }
        for (Instant to : List.of(end, end.minus(Duration.ofDays(9)))) {
            for (Duration length : List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30))) {
                ranges.add(new Instant[] {to.minus(length), to});
                ranges.add(new Instant[] {to.minus(length).minus(OFF_THE_HOUR), to.minus(OFF_THE_HOUR)});
            }
        }
        ranges.add(new Instant[] {first.minus(OFF_THE_HOUR), end.plus(OFF_THE_HOUR)});
        return ranges;
    }

    @org.junit.jupiter.api.Test
    void aRangeUpToNowTakesTheHourOfTheNewestRecordFromItsRollupsNotItsFacts() {
        DataQualityProjection projection = new DataQualityProjection(database, QualitySettings.defaults());
        deliver(projection, SHOP, new Random(5));
        Instant last = timesOf(SHOP).max(Comparator.naturalOrder()).orElseThrow();
        Instant now = last.plusMillis(1);
        FindDataQuality lastWeek = new FindDataQuality(now.minus(Duration.ofDays(7)), now, now);
        DataQualityView exact = projection.handle(new FindDataQuality(lastWeek.from(), now, now, ReportPath.EXACT));
        DataQualityView rolledUp = projection.handle(lastWeek);
        assertThat(rolledUp).usingRecursiveComparison().ignoringFields("path").isEqualTo(exact);

        long deleted = database.getCollection("quality_facts").deleteMany(com.mongodb.client.model.Filters.gte("at",
                java.util.Date.from(PeriodRollup.hourOf(last)))).getDeletedCount();
        assertThat(deleted).as("facts of the newest hour").isPositive();
        assertThat(projection.handle(lastWeek)).as("the same answer without the newest hour's facts")
                .usingRecursiveComparison().isEqualTo(rolledUp);
    }

    private static boolean holdsAWholeHour(Instant[] range) {
        Instant firstWholeHour = range[0].truncatedTo(ChronoUnit.HOURS).equals(range[0]) ? range[0]
                : range[0].truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return !firstWholeHour.plus(Duration.ofHours(1)).isAfter(range[1]);
    }

    private static void assertShopHasEveryKindOfRecord(DataQualityView report) {
        List<EventQualityView> events = report.events();
        assertThat(events.stream().mapToLong(EventQualityView::conflictingDuplicateCount).sum()).isPositive();
        assertThat(events.stream().mapToLong(EventQualityView::rejectedCount).sum()).isPositive();
        assertThat(events.stream().mapToLong(EventQualityView::delayedStitchCount).sum()).isPositive();
        assertThat(events).anySatisfy(e -> assertThat(e.dedupRate()).isNotNull().isPositive());
        assertThat(events.stream().flatMap(e -> e.warnings().stream()).map(QualityWarning::kind).distinct())
                .contains("type_drift", "invalid", "missing", "late", "timestamp_clamped", "low_stitching_rate");
        assertThat(report.properties()).isNotEmpty();
    }

    static Stream<Instant> timesOf(List<Object> events) {
        return events.stream().map(e -> e instanceof EventRecorded r ? r.event().timestamp()
                : e instanceof DuplicateDiscarded d ? d.event().timestamp()
                : e instanceof PayloadRejected p ? p.receivedAt() : null).filter(Objects::nonNull);
    }

    /**
     * The shop's events the read model handles, with what the generator lacks made from them: every third retry
     * conflicting, every fourth order copied once more from another server source an hour later (the kept record's
     * copies in two hours), every fifth product view priced as a string (type drift), every 23rd event clamped.
     */
    static List<Object> qualityEvents(List<Object> stream) {
        List<Object> events = new ArrayList<>();
        int n = 0;
        for (Object event : stream) {
            n++;
            if (event instanceof DuplicateDiscarded d && d.kind() == DuplicateKind.SAME_SOURCE && n % 3 == 0) {
                events.add(new DuplicateDiscarded(d.profileId(), d.recordId(), d.sourceId(), d.sourceType(),
                        d.receivedAt(), d.event(), d.fingerprint(), d.keptRecordId(), d.keptSourceId(),
                        DuplicateKind.CONFLICTING));
            } else if (event instanceof DuplicateDiscarded d && d.kind() == DuplicateKind.CROSS_SOURCE) {
                events.add(d);
                if (n % 4 == 0) {
                    TrackedEvent later = withTimestamp(d.event(), d.event().timestamp().plus(Duration.ofHours(1)));
                    events.add(new DuplicateDiscarded(d.profileId(), d.recordId() + "-again", "server",
                            SourceType.SERVER, d.receivedAt().plus(Duration.ofHours(1)), later, d.fingerprint(),
                            d.keptRecordId(), d.keptSourceId(), DuplicateKind.CROSS_SOURCE));
                }
            } else if (event instanceof EventRecorded r && "Viewed Product".equals(r.event().eventName()) && n % 5 == 0) {
                Map<String, Object> properties = new LinkedHashMap<>(r.event().properties());
                properties.put("price", String.valueOf(properties.get("price")));
                events.add(recorded(r, new TrackedEvent(r.event().eventName(), r.event().eventId(), properties,
                        r.event().profileProperties(), r.event().aliases(), r.event().timestamp(),
                        r.event().timestampOffset(), r.event().flags())));
            } else if (event instanceof EventRecorded r && n % 23 == 0) {
                TrackedEvent e = r.event();
                events.add(recorded(r, new TrackedEvent(e.eventName(), e.eventId(), e.properties(), e.profileProperties(),
                        e.aliases(), e.timestamp(), e.timestampOffset(), List.of(TrackedEvent.TIMESTAMP_CLAMPED))));
            } else if (event instanceof EventRecorded || event instanceof DuplicateDiscarded
                    || event instanceof PayloadRejected || event instanceof ProfilesMerged
                    || event instanceof ProfileSplit || event instanceof SourceCreated
                    || event instanceof SourceRenamed) {
                events.add(event);
            }
        }
        return events;
    }

    private static TrackedEvent withTimestamp(TrackedEvent e, Instant at) {
        return new TrackedEvent(e.eventName(), e.eventId(), e.properties(), e.profileProperties(), e.aliases(), at,
                e.timestampOffset(), e.flags());
    }

    private static EventRecorded recorded(EventRecorded r, TrackedEvent event) {
        return new EventRecorded(r.profileId(), r.recordId(), r.sourceId(), r.sourceType(), r.receivedAt(), event,
                r.fingerprint(), r.sessionId(), r.startsSession(), r.trafficKey(), r.stitched(), r.deliveryId());
    }

    /** As a pooled processor would: random batches of up to 60 events, every fifth batch delivered twice. */
    static void deliver(Object projection, List<Object> events, Random random) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> handled = events.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage)
                .filter(adapter::canHandle).toList();
        int batches = 0;
        for (int from = 0; from < handled.size(); batches++) {
            int to = Math.min(handled.size(), from + 1 + random.nextInt(60));
            List<EventMessage<?>> batch = new ArrayList<>(handled.subList(from, to));
            for (int delivery = 0; delivery < (batches % 5 == 0 ? 2 : 1); delivery++) {
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
                unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
                assertThat(unitOfWork.isRolledBack()).isFalse();
            }
            from = to;
        }
    }
}
