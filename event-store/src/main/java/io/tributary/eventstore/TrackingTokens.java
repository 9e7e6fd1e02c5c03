package io.tributary.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;

import static io.tributary.eventstore.EventsCollection.MAX_EMPTY_WINDOWS;
import static io.tributary.eventstore.EventsCollection.range;
import static io.tributary.eventstore.GlobalSequence.FIRST_INDEX;
import static io.tributary.eventstore.StoredEventCodec.TIMESTAMP;
import static java.lang.String.format;

/**
 * Creates the tail, head and time-based tokens. The tail and head are found by exact-match lookups of the first and
 * last reserved indexes (a window of {@code aggregateFetchWindow}, then windows twice as large up to
 * {@code batchSize}); only if ten batches' worth of indexes are all empty is a sorted query issued. A time-based
 * token takes one range query on the timestamp.
 */
final class TrackingTokens {

    private final EventsCollection collection;
    private final GlobalSequence sequence;
    private final int batchSize;
    private final int firstWindow;

    TrackingTokens(EventsCollection collection, GlobalSequence sequence, int batchSize, int firstWindow) {
        this.collection = collection;
        this.sequence = sequence;
        this.batchSize = batchSize;
        this.firstWindow = firstWindow;
    }

    /** The position before the first stored event, or {@code null} for an empty store. */
    TrackingToken tail() {
        try {
            long head = sequence.current();
            if (head < FIRST_INDEX) {
                return null;
            }
            Long first = null;
            for (long from = FIRST_INDEX, size = firstWindow;
                 first == null && from <= head && from < FIRST_INDEX + (long) batchSize * MAX_EMPTY_WINDOWS;
                 from += size, size = Math.min(size * 2, batchSize)) {
                first = collection.findIndexes(range(from, Math.min(head, from + size - 1))).stream()
                                  .min(Long::compare).orElse(null);
            }
            if (first == null) {
                first = collection.firstIndexAfter(FIRST_INDEX - 1);
            }
            return first == null ? null : tokenAt(first - 1);
        } catch (MongoException e) {
            throw new EventStoreException("Failed to get tail token", e);
        }
    }

    /** The position of the last stored event, or {@code null} for an empty store. */
    TrackingToken head() {
        try {
            Long last = lastStoredIndex();
            return last == null ? null : tokenAt(last);
        } catch (MongoException e) {
            throw new EventStoreException("Failed to get head token", e);
        }
    }

    /**
     * The position before the first event stored at or after {@code dateTime} (millisecond precision), if there is
     * one. This is a query on the timestamp, which the embedded store answers with a full scan; processors call it
     * once, when they initialise a token.
     */
    Optional<TrackingToken> beforeFirstEventAt(Instant dateTime) {
        try {
            Long first = collection.firstIndexMatching(Filters.gte(TIMESTAMP, Date.from(dateTime)));
            return first == null ? Optional.empty() : Optional.of(tokenAt(first - 1));
        } catch (MongoException e) {
            throw new EventStoreException(format("Failed to get token at [%s]", dateTime), e);
        }
    }

    private Long lastStoredIndex() {
        long head = sequence.current();
        if (head < FIRST_INDEX) {
            return null;
        }
        long floor = Math.max(FIRST_INDEX, head - (long) batchSize * MAX_EMPTY_WINDOWS);
        for (long to = head, size = firstWindow; to >= floor; to -= size, size = Math.min(size * 2, batchSize)) {
            Optional<Long> last = collection.findIndexes(range(Math.max(floor, to - size + 1), to)).stream()
                                            .max(Long::compare);
            if (last.isPresent()) {
                return last.get();
            }
        }
        return collection.lastIndex();
    }

    private static GapAwareTrackingToken tokenAt(long index) {
        return GapAwareTrackingToken.newInstance(index, Collections.emptySortedSet());
    }
}
