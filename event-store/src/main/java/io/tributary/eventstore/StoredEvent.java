package io.tributary.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.time.Instant;

/**
 * One event (or snapshot) as it is stored: the serialized payload and metadata plus the columns Axon needs. Unlike
 * Axon's {@code GenericDomainEventEntry}, the timestamp is kept as an {@link Instant}, so it round-trips with
 * nanosecond precision and is never formatted or parsed.
 */
final class StoredEvent implements DomainEventData<Object> {

    private final long globalIndex;
    private final String type;
    private final String aggregateIdentifier;
    private final long sequenceNumber;
    private final String eventIdentifier;
    private final Instant timestamp;
    private final String payloadType;
    private final String payloadRevision;
    private final Object payload;
    private final Object metaData;
    private final Class<?> dataType;

    StoredEvent(long globalIndex, String type, String aggregateIdentifier, long sequenceNumber,
                String eventIdentifier, Instant timestamp, String payloadType, String payloadRevision,
                Object payload, Object metaData, Class<?> dataType) {
        this.globalIndex = globalIndex;
        this.type = type;
        this.aggregateIdentifier = aggregateIdentifier;
        this.sequenceNumber = sequenceNumber;
        this.eventIdentifier = eventIdentifier;
        this.timestamp = timestamp;
        this.payloadType = payloadType;
        this.payloadRevision = payloadRevision;
        this.payload = payload;
        this.metaData = metaData;
        this.dataType = dataType;
    }

    long globalIndex() {
        return globalIndex;
    }

    /**
     * The key of the unique (aggregateIdentifier, sequenceNumber) pair as one string. The sequence number contains
     * no ':', so the last ':' splits the key unambiguously and two different pairs never share a key.
     */
    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + ':' + sequenceNumber;
    }

    String streamKey() {
        return streamKey(aggregateIdentifier, sequenceNumber);
    }

    /** The aggregate identifier as stored; for a non-domain event that is the event identifier. */
    String storedAggregateIdentifier() {
        return aggregateIdentifier;
    }

    boolean isDomainEvent() {
        return !eventIdentifier.equals(aggregateIdentifier);
    }

    Object rawPayload() {
        return payload;
    }

    Object rawMetaData() {
        return metaData;
    }

    String payloadTypeName() {
        return payloadType;
    }

    String payloadRevisionName() {
        return payloadRevision;
    }

    @Override
    public String getType() {
        return type;
    }

    /**
     * Non-domain events are stored with the event identifier as aggregate identifier (as Axon's JDBC engine does);
     * they are handed back without one, so that they deserialize as plain event messages.
     */
    @Override
    public String getAggregateIdentifier() {
        return isDomainEvent() ? aggregateIdentifier : null;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SerializedObject<Object> getMetaData() {
        return new SerializedMetaData(metaData, dataType);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SerializedObject<Object> getPayload() {
        return new SimpleSerializedObject(payload, dataType, payloadType, payloadRevision);
    }

    @Override
    public String toString() {
        return "StoredEvent{" + globalIndex + ", " + aggregateIdentifier + "#" + sequenceNumber + ", "
                + payloadType + "}";
    }
}
