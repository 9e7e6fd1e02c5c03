package io.tributary.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.model.Projections;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.tributary.eventstore.StoredEventCodec.SEQUENCE_NUMBER;
import static io.tributary.eventstore.StoredEventCodec.STREAM_KEY;
import static java.lang.String.format;

/**
 * Aggregate streams, read by exact {@code streamKey} values: first a window of {@code aggregateFetchWindow} sequence
 * numbers, then windows twice as large (at most {@code idsPerQuery}) while the previous one came back full. Aggregate
 * streams have no holes, so a window that is not full is the end of the stream.
 */
final class AggregateStreams {

    private static final Comparator<StoredEvent> BY_SEQUENCE = Comparator.comparingLong(StoredEvent::getSequenceNumber);

    private final EventsCollection collection;
    private final int aggregateFetchWindow;
    private final int largestWindow;

    AggregateStreams(EventsCollection collection, int aggregateFetchWindow, int idsPerQuery) {
        this.collection = collection;
        this.aggregateFetchWindow = aggregateFetchWindow;
        this.largestWindow = Math.max(idsPerQuery, aggregateFetchWindow);
    }

    /** Up to {@code batchSize} events of one aggregate from {@code firstSequenceNumber} on, in sequence order. */
    List<StoredEvent> read(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        try {
            List<StoredEvent> result = new ArrayList<>();
            long next = firstSequenceNumber;
            int window = Math.min(aggregateFetchWindow, batchSize);
            while (result.size() < batchSize) {
                int size = Math.min(window, batchSize - result.size());
                List<StoredEvent> found = collection.findEvents(STREAM_KEY,
                                                                streamKeys(aggregateIdentifier, next, size));
                found.sort(BY_SEQUENCE);
                result.addAll(found);
                if (found.size() < size) {
                    break;
                }
                next += size;
                window = nextWindow(window);
            }
            return result;
        } catch (MongoException e) {
            throw readFailure(aggregateIdentifier, e);
        }
    }

    Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        try {
            Long last = null;
            long next = 0;
            int window = aggregateFetchWindow;
            while (true) {
                List<Document> found = collection.findFields(STREAM_KEY, streamKeys(aggregateIdentifier, next, window),
                                                             Projections.include(SEQUENCE_NUMBER));
                for (Document document : found) {
                    long sequenceNumber = ((Number) document.get(SEQUENCE_NUMBER)).longValue();
                    last = last == null ? sequenceNumber : Math.max(last, sequenceNumber);
                }
                if (found.size() < window) {
                    return Optional.ofNullable(last);
                }
                next += window;
                window = nextWindow(window);
            }
        } catch (MongoException e) {
            throw readFailure(aggregateIdentifier, e);
        }
    }

    private int nextWindow(int window) {
        return Math.min(window * 2, largestWindow);
    }

    private static EventStoreException readFailure(String aggregateIdentifier, MongoException e) {
        return new EventStoreException(format("Failed to read events for aggregate [%s]", aggregateIdentifier), e);
    }

    private static List<String> streamKeys(String aggregateIdentifier, long first, int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(StoredEvent.streamKey(aggregateIdentifier, first + i));
        }
        return keys;
    }
}
