package io.tributary.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.tributary.eventstore.EventsCollection.MAX_EMPTY_WINDOWS;
import static io.tributary.eventstore.EventsCollection.range;
import static io.tributary.eventstore.GlobalSequence.FIRST_INDEX;
import static io.tributary.eventstore.StoredEventCodec.ID;
import static io.tributary.eventstore.StoredEventCodec.TIMESTAMP;
import static java.lang.String.format;

/**
 * Tracking reads with Axon's {@link GapAwareTrackingToken}, as in Axon's JDBC engine but with exact-match lookups
 * only: gaps are remembered and re-checked until they are filled, time out ({@code gapTimeout}) or fall behind
 * {@code maxGapOffset}.
 */
final class GapAwareTracking {

    private final EventsCollection collection;
    private final GlobalSequence sequence;
    private final int gapTimeout;
    private final int maxGapOffset;
    private final int gapCleaningThreshold;

    GapAwareTracking(EventsCollection collection, GlobalSequence sequence, int gapTimeout, int maxGapOffset,
                     int gapCleaningThreshold) {
        this.collection = collection;
        this.sequence = sequence;
        this.gapTimeout = gapTimeout;
        this.maxGapOffset = maxGapOffset;
        this.gapCleaningThreshold = gapCleaningThreshold;
    }

    /**
     * The events after {@code lastToken}: the ids {@code [index+1 … min(index+batchSize, highest reserved index)]}
     * plus the token's gaps. When that window holds nothing while higher indexes were reserved (a failed or in-flight
     * append of more than a batch), the following windows are probed until an event is found (JDBC's "extended gap
     * check").
     */
    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token format: " + lastToken);
        }
        try {
            GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
            if (token != null && token.getGaps().size() > gapCleaningThreshold) {
                token = cleanGaps(token);
            }
            long index = token == null ? FIRST_INDEX - 1 : token.getIndex();
            long head = sequence.current();

            List<Long> ids = new ArrayList<>();
            if (token != null) {
                ids.addAll(token.getGaps());
            }
            long windowEnd = Math.min(index + batchSize, head);
            for (long i = index + 1; i <= windowEnd; i++) {
                ids.add(i);
            }
            List<StoredEvent> found = collection.findEvents(ids);
            if (found.isEmpty() && head > index + batchSize) {
                found = findBeyond(index + batchSize, head, batchSize);
            }
            return track(found, token);
        } catch (MongoException e) {
            throw new EventStoreException(format("Failed to read events from token [%s]", lastToken), e);
        }
    }

    private List<StoredEvent> findBeyond(long from, long head, int batchSize) {
        for (int window = 0; from < head; window++) {
            if (window == MAX_EMPTY_WINDOWS) {
                // a very large hole: one range query finds the next stored event (a full scan on the embedded store)
                Long next = collection.firstIndexAfter(from);
                if (next == null) {
                    return Collections.emptyList();
                }
                from = next - 1;
            }
            long end = Math.min(from + batchSize, head);
            List<StoredEvent> found = collection.findEvents(range(from + 1, end));
            if (!found.isEmpty()) {
                return found;
            }
            from = end;
        }
        return Collections.emptyList();
    }

    /** Attaches the tokens, advancing like the JDBC engine: gaps are only kept for events within the gap timeout. */
    private List<TrackedEventData<?>> track(List<StoredEvent> found, GapAwareTrackingToken lastToken) {
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        Instant gapHorizon = gapHorizon();
        GapAwareTrackingToken token = lastToken;
        for (StoredEvent event : found) {
            long index = event.globalIndex();
            boolean allowGaps = event.getTimestamp().isAfter(gapHorizon);
            if (token == null) {
                SortedSet<Long> gaps = allowGaps
                        ? LongStream.range(Math.max(FIRST_INDEX, index - maxGapOffset), index)
                                    .boxed()
                                    .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet();
                token = GapAwareTrackingToken.newInstance(index, gaps);
            } else {
                token = token.advanceTo(index, maxGapOffset);
                if (!allowGaps) {
                    token = token.withGapsTruncatedAt(index);
                }
            }
            result.add(new TrackedDomainEventData<>(token, event));
        }
        return result;
    }

    /**
     * Drops the gaps that can no longer be filled: a gap followed by an event older than the gap timeout (JDBC's
     * clean-up, done with lookups of each gap and its successor instead of a range query).
     */
    private GapAwareTrackingToken cleanGaps(GapAwareTrackingToken token) {
        SortedSet<Long> gaps = token.getGaps();
        TreeSet<Long> probes = new TreeSet<>(gaps);
        gaps.forEach(gap -> probes.add(gap + 1));
        List<Document> found = collection.findFields(ID, new ArrayList<>(probes), Projections.include(ID, TIMESTAMP));
        found.sort(Comparator.comparingLong(EventsCollection::indexOf));
        Instant gapHorizon = gapHorizon();
        GapAwareTrackingToken cleaned = token;
        for (Document document : found) {
            long index = EventsCollection.indexOf(document);
            Instant timestamp = document.getDate(TIMESTAMP).toInstant();
            if (gaps.contains(index) || timestamp.isAfter(gapHorizon)) {
                break;
            }
            if (gaps.contains(index - 1)) {
                cleaned = cleaned.withGapsTruncatedAt(index);
            }
        }
        return cleaned;
    }

    private Instant gapHorizon() {
        return GenericEventMessage.clock.instant().minusMillis(gapTimeout);
    }
}
