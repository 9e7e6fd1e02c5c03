package io.tributary.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.BiConsumer;

import static io.tributary.eventstore.StoredEventCodec.AGGREGATE_IDENTIFIER;
import static io.tributary.eventstore.StoredEventCodec.EVENT_IDENTIFIER;
import static io.tributary.eventstore.StoredEventCodec.ID;
import static io.tributary.eventstore.StoredEventCodec.META_DATA;
import static io.tributary.eventstore.StoredEventCodec.PAYLOAD;
import static io.tributary.eventstore.StoredEventCodec.PAYLOAD_REVISION;
import static io.tributary.eventstore.StoredEventCodec.PAYLOAD_TYPE;
import static io.tributary.eventstore.StoredEventCodec.SEQUENCE_NUMBER;
import static io.tributary.eventstore.StoredEventCodec.TIMESTAMP;
import static io.tributary.eventstore.StoredEventCodec.TIMESTAMP_NANOS;
import static io.tributary.eventstore.StoredEventCodec.TYPE;
import static java.lang.String.format;

/**
 * One snapshot per aggregate ({@code _id} = aggregate identifier), so that a read is one {@code _id} lookup. A
 * snapshot older than the stored one is ignored. Two snapshotters racing may still leave the older of two snapshots,
 * which is harmless: any snapshot is a valid starting point.
 */
final class Snapshots {

    private final MongoCollection<StoredEvent> snapshots;
    private final MongoCollection<Document> documents;
    private final Class<?> dataType;
    private final BiConsumer<Exception, EventMessage<?>> failures;

    /**
     * @param failures told of a failed write and the snapshot it failed on; it raises the exception the caller sees
     */
    Snapshots(MongoDatabase database, String name, CodecRegistry registry, Class<?> dataType,
              BiConsumer<Exception, EventMessage<?>> failures) {
        this.snapshots = database.getCollection(name, StoredEvent.class).withCodecRegistry(registry);
        this.documents = database.getCollection(name);
        this.dataType = dataType;
        this.failures = failures;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        String aggregateIdentifier = snapshot.getAggregateIdentifier();
        try {
            if (storedSequenceNumber(aggregateIdentifier).filter(s -> s >= snapshot.getSequenceNumber()).isPresent()) {
                return;
            }
            documents.replaceOne(Filters.eq(ID, aggregateIdentifier), document(snapshot, serializer),
                                 new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (new MongoDuplicateKeyResolver().isDuplicateKeyViolation(e)) {
                return; // a concurrent snapshotter inserted first
            }
            failures.accept(e, snapshot);
        }
    }

    Optional<StoredEvent> read(String aggregateIdentifier) {
        try {
            return Optional.ofNullable(snapshots.find(Filters.eq(ID, aggregateIdentifier)).first());
        } catch (MongoException e) {
            throw new EventStoreException(format("Error reading aggregate snapshot [%s]", aggregateIdentifier), e);
        }
    }

    private Optional<Long> storedSequenceNumber(String aggregateIdentifier) {
        Document stored = documents.find(Filters.eq(ID, aggregateIdentifier))
                                   .projection(Projections.include(SEQUENCE_NUMBER))
                                   .first();
        return stored == null ? Optional.empty() : Optional.of(((Number) stored.get(SEQUENCE_NUMBER)).longValue());
    }

    private Document document(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<?> payload = snapshot.serializePayload(serializer, dataType);
        SerializedObject<?> metaData = snapshot.serializeMetaData(serializer, dataType);
        Instant timestamp = snapshot.getTimestamp();
        return new Document(ID, snapshot.getAggregateIdentifier())
                .append(AGGREGATE_IDENTIFIER, snapshot.getAggregateIdentifier())
                .append(SEQUENCE_NUMBER, snapshot.getSequenceNumber())
                .append(TYPE, snapshot.getType())
                .append(EVENT_IDENTIFIER, snapshot.getIdentifier())
                .append(TIMESTAMP, new Date(timestamp.toEpochMilli()))
                .append(TIMESTAMP_NANOS, timestamp.getNano() % 1_000_000)
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, bsonData(payload.getData()))
                .append(META_DATA, bsonData(metaData.getData()));
    }

    private static Object bsonData(Object data) {
        return data instanceof byte[] bytes ? new Binary(bytes) : data;
    }
}
