package io.tributary.eventstore;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.tributary.eventstore.StoredEventCodec.AGGREGATE_IDENTIFIER;
import static io.tributary.eventstore.StoredEventCodec.EVENT_IDENTIFIER;
import static io.tributary.eventstore.StoredEventCodec.ID;
import static io.tributary.eventstore.StoredEventCodec.SEQUENCE_NUMBER;
import static io.tributary.eventstore.StoredEventCodec.STREAM_KEY;

/**
 * The events collection, seen as {@link StoredEvent}s and as plain documents, with the reads every part shares:
 * exact-match lookups in chunks of {@code idsPerQuery}, and the two range queries used only as a last resort.
 */
final class EventsCollection {

    /**
     * How many empty {@code batchSize} windows a reader steps over (each one an exact-match query) before it looks
     * for the next stored event with one range query instead.
     */
    static final int MAX_EMPTY_WINDOWS = 10;
    private static final InsertManyOptions ORDERED = new InsertManyOptions().ordered(true);
    private static final Comparator<StoredEvent> BY_GLOBAL_INDEX = Comparator.comparingLong(StoredEvent::globalIndex);

    private final MongoCollection<StoredEvent> events;
    private final MongoCollection<Document> documents;
    private final int idsPerQuery;

    EventsCollection(MongoDatabase database, String name, CodecRegistry registry, int idsPerQuery) {
        this.events = database.getCollection(name, StoredEvent.class).withCodecRegistry(registry);
        this.documents = database.getCollection(name);
        this.idsPerQuery = idsPerQuery;
    }

    /** The unique indexes; see {@link SequencedMongoEventStorageEngine#ensureIndexes()}. */
    void ensureIndexes() {
        IndexOptions unique = new IndexOptions().unique(true);
        documents.createIndex(Indexes.ascending(STREAM_KEY), unique);
        documents.createIndex(Indexes.ascending(AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER), unique);
        documents.createIndex(Indexes.ascending(EVENT_IDENTIFIER), unique);
    }

    /** One ordered {@code insertMany}: it stops at the first failing document, leaving those before it. */
    void insertInOrder(List<StoredEvent> stored) {
        events.insertMany(stored, ORDERED);
    }

    void delete(List<Long> ids) {
        documents.deleteMany(Filters.in(ID, ids));
    }

    boolean holdsEvent(String eventIdentifier) {
        return documents.find(Filters.eq(EVENT_IDENTIFIER, eventIdentifier)).projection(Projections.include(ID))
                .limit(1).first() != null;
    }

    /** The events stored at these global indexes, in global order. */
    List<StoredEvent> findEvents(List<Long> ids) {
        List<StoredEvent> found = findInChunks(events, ID, ids, null);
        found.sort(BY_GLOBAL_INDEX);
        return found;
    }

    /** The events whose {@code field} holds one of these values, in no particular order. */
    List<StoredEvent> findEvents(String field, List<?> values) {
        return findInChunks(events, field, values, null);
    }

    /** Only the {@code projection} of the events whose {@code field} holds one of these values. */
    List<Document> findFields(String field, List<?> values, Bson projection) {
        return findInChunks(documents, field, values, projection);
    }

    /** Which of these global indexes hold an event, in no particular order. */
    List<Long> findIndexes(List<Long> ids) {
        return findFields(ID, ids, Projections.include(ID))
                .stream().map(EventsCollection::indexOf)
                .collect(Collectors.toList());
    }

    /**
     * Looks the values up with {@code field $in [...]}, at most {@code idsPerQuery} values per query: mongo-java-server
     * checks every returned document against the whole {@code $in} list, so one huge list costs more than a few
     * smaller ones.
     */
    private <T> List<T> findInChunks(MongoCollection<T> collection, String field, List<?> values, Bson projection) {
        List<T> found = new ArrayList<>(values.size());
        for (int from = 0; from < values.size(); from += idsPerQuery) {
            List<?> chunk = values.subList(from, Math.min(from + idsPerQuery, values.size()));
            var query = collection.find(Filters.in(field, chunk)).batchSize(chunk.size());
            if (projection != null) {
                query = query.projection(projection);
            }
            query.into(found);
        }
        return found;
    }

    /** The index of the first event after {@code index}, or {@code null}: a range query (a full scan when embedded). */
    Long firstIndexAfter(long index) {
        return firstIndexMatching(Filters.gt(ID, index));
    }

    /** The index of the last stored event, or {@code null}: a sorted query (a full scan when embedded). */
    Long lastIndex() {
        return firstIndexOf(documents.find(), Sorts.descending(ID));
    }

    /** The lowest index among the events that match {@code filter}, or {@code null}: a scan when embedded. */
    Long firstIndexMatching(Bson filter) {
        return firstIndexOf(documents.find(filter), Sorts.ascending(ID));
    }

    private static Long firstIndexOf(FindIterable<Document> query, Bson sort) {
        Document first = query.projection(Projections.include(ID)).sort(sort).limit(1).first();
        return first == null ? null : indexOf(first);
    }

    static long indexOf(Document document) {
        return ((Number) document.get(ID)).longValue();
    }

    static List<Long> range(long firstInclusive, long lastInclusive) {
        return LongStream.rangeClosed(firstInclusive, lastInclusive).boxed().collect(Collectors.toList());
    }
}
