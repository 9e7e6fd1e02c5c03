package io.tributary.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static io.tributary.eventstore.StoredEventCodec.AGGREGATE_IDENTIFIER;
import static io.tributary.eventstore.StoredEventCodec.EVENT_IDENTIFIER;
import static io.tributary.eventstore.StoredEventCodec.ID;
import static io.tributary.eventstore.StoredEventCodec.META_DATA;
import static io.tributary.eventstore.StoredEventCodec.PAYLOAD;
import static io.tributary.eventstore.StoredEventCodec.PAYLOAD_REVISION;
import static io.tributary.eventstore.StoredEventCodec.PAYLOAD_TYPE;
import static io.tributary.eventstore.StoredEventCodec.SEQUENCE_NUMBER;
import static io.tributary.eventstore.StoredEventCodec.STREAM_KEY;
import static io.tributary.eventstore.StoredEventCodec.TIMESTAMP;
import static io.tributary.eventstore.StoredEventCodec.TIMESTAMP_NANOS;
import static io.tributary.eventstore.StoredEventCodec.TYPE;
import static java.lang.String.format;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertStrictPositive;
import static org.axonframework.common.BuilderUtils.assertThat;
import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on the MongoDB sync driver with a
 * <b>global, gap-aware sequence</b>, like Axon's JDBC engine, instead of axon-mongo's timestamp look-back window.
 * <ul>
 * <li>Every event is one document whose {@code _id} is its global index (a long). Indexes are reserved in blocks
 * from a counter document, so one {@code appendEvents(list)} costs one {@code findOneAndUpdate} plus one ordered
 * {@code insertMany}. A failed append leaves a gap.</li>
 * <li>Tracking uses Axon's {@link GapAwareTrackingToken}: gaps are remembered and re-checked until they are filled,
 * time out ({@code gapTimeout}) or fall behind {@code maxGapOffset}, as in the JDBC engine.</li>
 * <li>Every read is an exact-match lookup: a tracking fetch asks for {@code _id $in [n+1 … n+batch]} plus the
 * token's gaps, and an aggregate stream asks for {@code streamKey $in ["id:seq" …]}. mongo-java-server (the embedded
 * store) serves only exact matches on a unique index from an index and scans the whole collection for ranges and
 * sorts, so these reads cost the same at 10k or 1M stored events; on a real MongoDB they are plain index seeks, and
 * the code is the same.</li>
 * </ul>
 * See DESIGN.md in this module for the reasoning and measured figures.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger logger = LoggerFactory.getLogger(SequencedMongoEventStorageEngine.class);

    /** The first global index ever handed out. */
    static final long FIRST_INDEX = 1;
    /**
     * How many empty {@code batchSize} windows a tracking fetch steps over (each one an exact-match query) before it
     * looks for the next stored event with one range query instead.
     */
    private static final int MAX_EMPTY_WINDOWS = 10;
    private static final InsertManyOptions ORDERED = new InsertManyOptions().ordered(true);
    private static final Comparator<StoredEvent> BY_GLOBAL_INDEX = Comparator.comparingLong(StoredEvent::globalIndex);
    private static final Comparator<StoredEvent> BY_SEQUENCE = Comparator.comparingLong(StoredEvent::getSequenceNumber);

    private final MongoCollection<StoredEvent> events;
    private final MongoCollection<Document> eventDocuments;
    private final MongoCollection<StoredEvent> snapshots;
    private final MongoCollection<Document> snapshotDocuments;
    private final GlobalSequence sequence;
    private final Class<?> dataType;
    private final int gapTimeout;
    private final int maxGapOffset;
    private final int gapCleaningThreshold;
    private final int idsPerQuery;
    private final int aggregateFetchWindow;

    /**
     * Instantiates the engine from the given {@link Builder}; use {@link #builder()}.
     *
     * @param builder the builder holding the configuration
     */
    protected SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        this.dataType = builder.dataType;
        CodecRegistry registry = CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new StoredEventCodec(dataType)), builder.database.getCodecRegistry());
        this.events = builder.database.getCollection(builder.eventsCollection, StoredEvent.class)
                                      .withCodecRegistry(registry);
        this.eventDocuments = builder.database.getCollection(builder.eventsCollection);
        this.snapshots = builder.database.getCollection(builder.snapshotsCollection, StoredEvent.class)
                                         .withCodecRegistry(registry);
        this.snapshotDocuments = builder.database.getCollection(builder.snapshotsCollection);
        this.sequence = new GlobalSequence(builder.database.getCollection(builder.sequencesCollection),
                                           builder.eventsCollection);
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.gapCleaningThreshold = builder.gapCleaningThreshold;
        this.idsPerQuery = builder.idsPerQuery;
        this.aggregateFetchWindow = builder.aggregateFetchWindow;
    }

    /**
     * A builder with these defaults: collections {@code domain_events}, {@code snapshot_events} and
     * {@code event_sequences}; data type {@code byte[]} (BSON binary); batch size 1000; gap timeout 60 s; max gap
     * offset 10,000; gap cleaning threshold 250; 250 ids per query; aggregate fetch window 64; a
     * {@link MongoDuplicateKeyResolver}. The database and both serializers are required.
     *
     * @return a builder for this engine
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the unique indexes the engine relies on (idempotent). Call it once at start-up: without them nothing
     * guards against two writers appending the same aggregate sequence number.
     * <ul>
     * <li>{@code streamKey}: the (aggregateIdentifier, sequenceNumber) pair as one value; it is both the
     * concurrency guard and the index that serves aggregate streams on every backend;</li>
     * <li>(aggregateIdentifier, sequenceNumber): the same pair as a compound index, for ad-hoc queries on a real
     * MongoDB;</li>
     * <li>{@code eventIdentifier}.</li>
     * </ul>
     */
    public void ensureIndexes() {
        IndexOptions unique = new IndexOptions().unique(true);
        eventDocuments.createIndex(Indexes.ascending(STREAM_KEY), unique);
        eventDocuments.createIndex(Indexes.ascending(AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER), unique);
        eventDocuments.createIndex(Indexes.ascending(EVENT_IDENTIFIER), unique);
    }

    // ---------------------------------------------------------------------------------------------- appending

    /**
     * Serializes the events, reserves one block of global indexes and inserts all documents with one ordered
     * {@code insertMany}.
     * <p>
     * MongoDB has no transaction here, and an ordered insert stops at the first duplicate key, leaving the documents
     * before it in place. To keep that prefix empty in the common case, the first event of each aggregate in the
     * batch (the one that collides when another writer got there first) is inserted before the rest; a unit of work
     * that touches one aggregate therefore fails without writing anything. If a prefix was written anyway (several
     * aggregates in one unit of work), it is deleted again before the exception is raised. Either way the reserved
     * indexes that end up empty are gaps to the tracking readers.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        int count = messages.size();
        List<DomainEventMessage<?>> domainMessages = new ArrayList<>(count);
        List<SerializedObject<?>> payloads = new ArrayList<>(count);
        List<SerializedObject<?>> metaData = new ArrayList<>(count);
        for (EventMessage<?> message : messages) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            domainMessages.add(event);
            payloads.add(event.serializePayload(serializer, dataType));
            metaData.add(event.serializeMetaData(serializer, dataType));
        }

        long firstIndex;
        try {
            firstIndex = sequence.reserve(count) - count + 1;
        } catch (MongoException e) {
            handlePersistenceException(e, messages.get(0));
            return;
        }

        int[] order = conflictFirstOrder(domainMessages);
        List<StoredEvent> documents = new ArrayList<>(count);
        for (int position : order) {
            DomainEventMessage<?> event = domainMessages.get(position);
            SerializedObject<?> payload = payloads.get(position);
            documents.add(new StoredEvent(firstIndex + position, event.getType(), event.getAggregateIdentifier(),
                                          event.getSequenceNumber(), event.getIdentifier(), event.getTimestamp(),
                                          payload.getType().getName(), payload.getType().getRevision(),
                                          payload.getData(), metaData.get(position).getData(), dataType));
        }

        try {
            events.insertMany(documents, ORDERED);
        } catch (MongoBulkWriteException e) {
            int failedAt = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            removeQuietly(documents.subList(0, failedAt));
            handlePersistenceException(e, messages.get(order[failedAt]));
        } catch (MongoException e) {
            // we cannot tell how much was written: remove whatever of ours is there
            removeQuietly(documents);
            handlePersistenceException(e, messages.get(0));
        }
    }

    /**
     * The insertion order: the first event of every aggregate in the batch, then the others, each group in the
     * original order. Per aggregate the sequence order is kept.
     */
    private static int[] conflictFirstOrder(List<DomainEventMessage<?>> events) {
        int[] order = new int[events.size()];
        boolean[] first = new boolean[events.size()];
        Set<String> seen = new HashSet<>();
        int next = 0;
        for (int i = 0; i < events.size(); i++) {
            if (seen.add(events.get(i).getAggregateIdentifier())) {
                first[i] = true;
                order[next++] = i;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (!first[i]) {
                order[next++] = i;
            }
        }
        return order;
    }

    private void removeQuietly(List<StoredEvent> written) {
        if (written.isEmpty()) {
            return;
        }
        List<Long> ids = written.stream().map(StoredEvent::globalIndex).collect(Collectors.toList());
        try {
            eventDocuments.deleteMany(Filters.in(ID, ids));
        } catch (MongoException e) {
            logger.warn("Could not remove {} events of a failed append (global indexes {}..{}); they stay visible",
                        ids.size(), ids.get(0), ids.get(ids.size() - 1), e);
        }
    }

    // --------------------------------------------------------------------------------------- aggregate streams

    /**
     * Reads up to {@code batchSize} events of one aggregate from {@code firstSequenceNumber} on, by exact
     * {@code streamKey} values: first a window of {@code aggregateFetchWindow} sequence numbers, then windows twice
     * as large (at most {@code idsPerQuery}) while the previous one came back full. Aggregate streams have no holes,
     * so a window that is not full is the end of the stream.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber,
                                                                   int batchSize) {
        try {
            List<StoredEvent> result = new ArrayList<>();
            long next = firstSequenceNumber;
            int window = Math.min(aggregateFetchWindow, batchSize);
            while (result.size() < batchSize) {
                int size = Math.min(window, batchSize - result.size());
                List<StoredEvent> found = findInChunks(events, STREAM_KEY, streamKeys(aggregateIdentifier, next, size),
                                                       null);
                found.sort(BY_SEQUENCE);
                result.addAll(found);
                if (found.size() < size) {
                    break;
                }
                next += size;
                window = Math.min(window * 2, Math.max(idsPerQuery, aggregateFetchWindow));
            }
            return result;
        } catch (MongoException e) {
            throw new EventStoreException(format("Failed to read events for aggregate [%s]", aggregateIdentifier), e);
        }
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        try {
            Long last = null;
            long next = 0;
            int window = aggregateFetchWindow;
            while (true) {
                List<Document> found = findInChunks(eventDocuments, STREAM_KEY,
                                                    streamKeys(aggregateIdentifier, next, window),
                                                    Projections.include(SEQUENCE_NUMBER));
                for (Document document : found) {
                    long sequenceNumber = ((Number) document.get(SEQUENCE_NUMBER)).longValue();
                    last = last == null ? sequenceNumber : Math.max(last, sequenceNumber);
                }
                if (found.size() < window) {
                    return Optional.ofNullable(last);
                }
                next += window;
                window = Math.min(window * 2, Math.max(idsPerQuery, aggregateFetchWindow));
            }
        } catch (MongoException e) {
            throw new EventStoreException(format("Failed to read events for aggregate [%s]", aggregateIdentifier), e);
        }
    }

    private static List<String> streamKeys(String aggregateIdentifier, long first, int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(StoredEvent.streamKey(aggregateIdentifier, first + i));
        }
        return keys;
    }

    // ---------------------------------------------------------------------------------------------- tracking

    /**
     * Fetches the events after {@code lastToken} as Axon's JDBC engine does, but with exact-match lookups only:
     * the ids {@code [index+1 … min(index+batchSize, highest reserved index)]} plus the token's gaps. When that window
     * holds nothing while higher indexes were reserved (a failed or in-flight append of more than a batch), the
     * following windows are probed until an event is found (JDBC's "extended gap check").
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
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
            List<StoredEvent> found = findEvents(ids);
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
                Long next = firstIndexAfter(from);
                if (next == null) {
                    return Collections.emptyList();
                }
                from = next - 1;
            }
            long end = Math.min(from + batchSize, head);
            List<StoredEvent> found = findEvents(range(from + 1, end));
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
        List<Document> found = findInChunks(eventDocuments, ID, new ArrayList<>(probes),
                                            Projections.include(ID, TIMESTAMP));
        found.sort(Comparator.comparingLong(document -> ((Number) document.get(ID)).longValue()));
        Instant gapHorizon = gapHorizon();
        GapAwareTrackingToken cleaned = token;
        for (Document document : found) {
            long index = ((Number) document.get(ID)).longValue();
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

    /**
     * The position before the first stored event, or {@code null} for an empty store. Exact-match lookups of the
     * first indexes (64, then growing windows); only if none of the first ten batches exists does it fall back to a
     * range query.
     */
    @Override
    public TrackingToken createTailToken() {
        try {
            long head = sequence.current();
            if (head < FIRST_INDEX) {
                return null;
            }
            Long first = null;
            for (long from = FIRST_INDEX, size = aggregateFetchWindow;
                 first == null && from <= head && from < FIRST_INDEX + (long) batchSize() * MAX_EMPTY_WINDOWS;
                 from += size, size = Math.min(size * 2, batchSize())) {
                first = findIndexes(range(from, Math.min(head, from + size - 1))).stream()
                                                                                 .min(Long::compare).orElse(null);
            }
            if (first == null) {
                first = firstIndexAfter(FIRST_INDEX - 1);
            }
            return first == null ? null : tokenAt(first - 1);
        } catch (MongoException e) {
            throw new EventStoreException("Failed to get tail token", e);
        }
    }

    /**
     * The position of the last stored event, or {@code null} for an empty store. Exact-match lookups of the last
     * reserved indexes (64, then growing windows); only if none of the last ten batches exists does it fall back to a
     * range query.
     */
    @Override
    public TrackingToken createHeadToken() {
        try {
            Long last = lastStoredIndex();
            return last == null ? null : tokenAt(last);
        } catch (MongoException e) {
            throw new EventStoreException("Failed to get head token", e);
        }
    }

    /**
     * The position before the first event stored at or after {@code dateTime} (millisecond precision), or the head
     * token if there is none. This is a query on the timestamp, which the embedded store answers with a full scan;
     * processors call it once, when they initialise a token.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        try {
            Document first = eventDocuments.find(Filters.gte(TIMESTAMP, Date.from(dateTime)))
                                           .projection(Projections.include(ID))
                                           .sort(Sorts.ascending(ID))
                                           .limit(1)
                                           .first();
            if (first == null) {
                return createHeadToken();
            }
            return tokenAt(((Number) first.get(ID)).longValue() - 1);
        } catch (MongoException e) {
            throw new EventStoreException(format("Failed to get token at [%s]", dateTime), e);
        }
    }

    private Long lastStoredIndex() {
        long head = sequence.current();
        if (head < FIRST_INDEX) {
            return null;
        }
        long floor = Math.max(FIRST_INDEX, head - (long) batchSize() * MAX_EMPTY_WINDOWS);
        for (long to = head, size = aggregateFetchWindow; to >= floor;
             to -= size, size = Math.min(size * 2, batchSize())) {
            Optional<Long> last = findIndexes(range(Math.max(floor, to - size + 1), to)).stream()
                                                                                     .max(Long::compare);
            if (last.isPresent()) {
                return last.get();
            }
        }
        Document last = eventDocuments.find().projection(Projections.include(ID))
                                      .sort(Sorts.descending(ID)).limit(1).first();
        return last == null ? null : ((Number) last.get(ID)).longValue();
    }

    private Long firstIndexAfter(long index) {
        Document next = eventDocuments.find(Filters.gt(ID, index))
                                      .projection(Projections.include(ID))
                                      .sort(Sorts.ascending(ID))
                                      .limit(1)
                                      .first();
        return next == null ? null : ((Number) next.get(ID)).longValue();
    }

    private static GapAwareTrackingToken tokenAt(long index) {
        return GapAwareTrackingToken.newInstance(index, Collections.emptySortedSet());
    }

    private static List<Long> range(long firstInclusive, long lastInclusive) {
        return LongStream.rangeClosed(firstInclusive, lastInclusive).boxed().collect(Collectors.toList());
    }

    private List<StoredEvent> findEvents(List<Long> ids) {
        List<StoredEvent> found = findInChunks(events, ID, ids, null);
        found.sort(BY_GLOBAL_INDEX);
        return found;
    }

    private List<Long> findIndexes(List<Long> ids) {
        return findInChunks(eventDocuments, ID, ids, Projections.include(ID))
                .stream().map(document -> ((Number) document.get(ID)).longValue())
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

    // --------------------------------------------------------------------------------------------- snapshots

    /**
     * Keeps one snapshot per aggregate ({@code _id} = aggregate identifier); a snapshot older than the stored one is
     * ignored. Two snapshotters racing may still leave the older of two snapshots, which is harmless: any snapshot is
     * a valid starting point.
     */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        String aggregateIdentifier = snapshot.getAggregateIdentifier();
        try {
            Document stored = snapshotDocuments.find(Filters.eq(ID, aggregateIdentifier))
                                               .projection(Projections.include(SEQUENCE_NUMBER))
                                               .first();
            if (stored != null
                    && ((Number) stored.get(SEQUENCE_NUMBER)).longValue() >= snapshot.getSequenceNumber()) {
                return;
            }
            SerializedObject<?> payload = snapshot.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = snapshot.serializeMetaData(serializer, dataType);
            Instant timestamp = snapshot.getTimestamp();
            Document document = new Document(ID, aggregateIdentifier)
                    .append(AGGREGATE_IDENTIFIER, aggregateIdentifier)
                    .append(SEQUENCE_NUMBER, snapshot.getSequenceNumber())
                    .append(TYPE, snapshot.getType())
                    .append(EVENT_IDENTIFIER, snapshot.getIdentifier())
                    .append(TIMESTAMP, new Date(timestamp.toEpochMilli()))
                    .append(TIMESTAMP_NANOS, timestamp.getNano() % 1_000_000)
                    .append(PAYLOAD_TYPE, payload.getType().getName())
                    .append(PAYLOAD_REVISION, payload.getType().getRevision())
                    .append(PAYLOAD, bsonData(payload.getData()))
                    .append(META_DATA, bsonData(metaData.getData()));
            snapshotDocuments.replaceOne(Filters.eq(ID, aggregateIdentifier), document,
                                         new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (new MongoDuplicateKeyResolver().isDuplicateKeyViolation(e)) {
                return; // a concurrent snapshotter inserted first
            }
            handlePersistenceException(e, snapshot);
        }
    }

    private static Object bsonData(Object data) {
        return data instanceof byte[] bytes ? new Binary(bytes) : data;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        try {
            return Stream.ofNullable(snapshots.find(Filters.eq(ID, aggregateIdentifier)).first());
        } catch (MongoException e) {
            throw new EventStoreException(format("Error reading aggregate snapshot [%s]", aggregateIdentifier), e);
        }
    }

    // ----------------------------------------------------------------------------------------------- builder

    /**
     * Builder for {@link SequencedMongoEventStorageEngine}, in the style of Axon's engine builders.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollection = "domain_events";
        private String snapshotsCollection = "snapshot_events";
        private String sequencesCollection = "event_sequences";
        private Class<?> dataType = byte[].class;
        private int gapTimeout = 60_000;
        private int maxGapOffset = 10_000;
        private int gapCleaningThreshold = 250;
        private int idsPerQuery = 250;
        private int aggregateFetchWindow = 64;

        /** Use {@link SequencedMongoEventStorageEngine#builder()}. */
        protected Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeyResolver());
            batchSize(1000);
        }

        /**
         * The database holding the events, snapshots and sequence counter. Required.
         *
         * @param database the database
         * @return this builder
         */
        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        /** The collection of events; defaults to {@code domain_events}. */
        public Builder eventsCollection(String name) {
            assertThat(name, n -> n != null && !n.isBlank(), "The events collection name may not be empty");
            this.eventsCollection = name;
            return this;
        }

        /** The collection of snapshots, one per aggregate; defaults to {@code snapshot_events}. */
        public Builder snapshotsCollection(String name) {
            assertThat(name, n -> n != null && !n.isBlank(), "The snapshots collection name may not be empty");
            this.snapshotsCollection = name;
            return this;
        }

        /**
         * The collection holding the global index counter (one document, whose {@code _id} is the events collection
         * name); defaults to {@code event_sequences}.
         */
        public Builder sequencesCollection(String name) {
            assertThat(name, n -> n != null && !n.isBlank(), "The sequences collection name may not be empty");
            this.sequencesCollection = name;
            return this;
        }

        /**
         * How payload and metadata are stored: {@code byte[].class} (BSON binary, the default) or
         * {@code String.class} (BSON string, readable in a shell). Either is read back whatever is stored.
         */
        public Builder dataType(Class<?> dataType) {
            assertThat(dataType, type -> type == byte[].class || type == String.class,
                       "The data type must be byte[] or String");
            this.dataType = dataType;
            return this;
        }

        /**
         * Milliseconds during which a gap (a reserved index without event) is expected to be filled; gaps before an
         * event older than this are dropped. Defaults to 60,000.
         */
        public Builder gapTimeout(int gapTimeout) {
            assertStrictPositive(gapTimeout, "The gapTimeout must be a positive number");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far behind the token's index a gap is still remembered; defaults to 10,000. */
        public Builder maxGapOffset(int maxGapOffset) {
            assertStrictPositive(maxGapOffset, "The maxGapOffset must be a positive number");
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** The number of gaps in a token above which a fetch first tries to drop timed-out gaps; defaults to 250. */
        public Builder gapCleaningThreshold(int gapCleaningThreshold) {
            assertStrictPositive(gapCleaningThreshold, "The gapCleaningThreshold must be a positive number");
            this.gapCleaningThreshold = gapCleaningThreshold;
            return this;
        }

        /**
         * The most values in one {@code $in} lookup; longer lists are split. Defaults to 250, the cheapest size
         * measured on the embedded store (which matches each found document against the whole list).
         */
        public Builder idsPerQuery(int idsPerQuery) {
            assertStrictPositive(idsPerQuery, "The idsPerQuery must be a positive number");
            this.idsPerQuery = idsPerQuery;
            return this;
        }

        /**
         * The number of sequence numbers asked for in the first lookup of an aggregate stream; each further lookup
         * asks for twice as many. Defaults to 64: most streams after a snapshot are shorter.
         */
        public Builder aggregateFetchWindow(int aggregateFetchWindow) {
            assertStrictPositive(aggregateFetchWindow, "The aggregateFetchWindow must be a positive number");
            this.aggregateFetchWindow = aggregateFetchWindow;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        /** @deprecated use {@link #snapshotFilter(SnapshotFilter)} */
        @Override
        @Deprecated
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        /** The number of events per tracking fetch and per aggregate batch; defaults to 1000. */
        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(
                Predicate<List<? extends DomainEventData<?>>> finalAggregateBatchPredicate) {
            super.finalAggregateBatchPredicate(finalAggregateBatchPredicate);
            return this;
        }

        /**
         * Builds the engine. Call {@link SequencedMongoEventStorageEngine#ensureIndexes()} on it before use.
         *
         * @return the engine
         */
        public SequencedMongoEventStorageEngine build() {
            return new SequencedMongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
        }
    }
}
