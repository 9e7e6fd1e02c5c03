package io.tributary.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertStrictPositive;
import static org.axonframework.common.BuilderUtils.assertThat;

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
 * Each call is handed to a package-private part: {@link EventAppends}, {@link AggregateStreams},
 * {@link GapAwareTracking}, {@link TrackingTokens} and {@link Snapshots}. See DESIGN.md in this module for the
 * reasoning and measured figures.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {

    private final EventsCollection events;
    private final EventAppends appends;
    private final AggregateStreams streams;
    private final GapAwareTracking tracking;
    private final TrackingTokens tokens;
    private final Snapshots snapshots;

    /**
     * Instantiates the engine from the given {@link Builder}; use {@link #builder()}.
     *
     * @param builder the builder holding the configuration
     */
    protected SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        CodecRegistry registry = CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new StoredEventCodec(builder.dataType)), database.getCodecRegistry());
        GlobalSequence sequence = new GlobalSequence(database.getCollection(builder.sequencesCollection),
                                                     builder.eventsCollection);
        this.events = new EventsCollection(database, builder.eventsCollection, registry, builder.idsPerQuery);
        this.appends = new EventAppends(events, sequence, builder.dataType, this::handlePersistenceException);
        this.streams = new AggregateStreams(events, builder.aggregateFetchWindow, builder.idsPerQuery);
        this.tracking = new GapAwareTracking(events, sequence, builder.gapTimeout, builder.maxGapOffset,
                                             builder.gapCleaningThreshold);
        this.tokens = new TrackingTokens(events, sequence, batchSize(), builder.aggregateFetchWindow);
        this.snapshots = new Snapshots(database, builder.snapshotsCollection, registry, builder.dataType,
                                       this::handlePersistenceException);
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
        events.ensureIndexes();
    }

    /** See {@link EventAppends}: one block of indexes, one ordered {@code insertMany}, conflict-first order. */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        appends.append(messages, serializer);
    }

    /** Whether the store holds the event with this identifier: one lookup on its unique index. */
    public boolean holdsEvent(String eventIdentifier) {
        return events.holdsEvent(eventIdentifier);
    }

    /** See {@link AggregateStreams}: exact {@code streamKey} lookups in growing windows. */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber,
                                                                   int batchSize) {
        return streams.read(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return streams.lastSequenceNumberFor(aggregateIdentifier);
    }

    /** See {@link GapAwareTracking}: the token's gaps plus the next batch of indexes, by exact lookups. */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return tracking.fetch(lastToken, batchSize);
    }

    /**
     * The position before the first stored event, or {@code null} for an empty store. Exact-match lookups of the
     * first indexes (64, then growing windows); only if none of the first ten batches exists does it fall back to a
     * range query.
     */
    @Override
    public TrackingToken createTailToken() {
        return tokens.tail();
    }

    /**
     * The position of the last stored event, or {@code null} for an empty store. Exact-match lookups of the last
     * reserved indexes (64, then growing windows); only if none of the last ten batches exists does it fall back to a
     * range query.
     */
    @Override
    public TrackingToken createHeadToken() {
        return tokens.head();
    }

    /**
     * The position before the first event stored at or after {@code dateTime} (millisecond precision), or the head
     * token if there is none. This is a query on the timestamp, which the embedded store answers with a full scan;
     * processors call it once, when they initialise a token.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tokens.beforeFirstEventAt(dateTime).orElseGet(this::createHeadToken);
    }

    /** See {@link Snapshots}: one per aggregate, an older one is ignored. */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier).stream();
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
