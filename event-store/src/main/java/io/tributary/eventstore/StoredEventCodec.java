package io.tributary.eventstore;

import org.bson.BsonBinary;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes and reads {@link StoredEvent}s straight to and from BSON, without an intermediate {@code Document}. The
 * layout of one event document:
 * <pre>
 * { _id: globalIndex (long), aggregateIdentifier, sequenceNumber (long), streamKey: "aggregateIdentifier:sequence",
 *   type (absent for non-domain events), eventIdentifier, timestamp (date, millis), timestampNanos (int, the
 *   nanoseconds within that millisecond), payloadType, payloadRevision (absent if null), payload, metaData }
 * </pre>
 * The payload and metadata are BSON binary when the engine's data type is {@code byte[]}, and strings when it is
 * {@code String}; either is read back into the configured type.
 */
final class StoredEventCodec implements Codec<StoredEvent> {

    static final String ID = "_id";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String STREAM_KEY = "streamKey";
    static final String TYPE = "type";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String TIMESTAMP_NANOS = "timestampNanos";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    private final Class<?> dataType;

    StoredEventCodec(Class<?> dataType) {
        this.dataType = dataType;
    }

    @Override
    public void encode(BsonWriter writer, StoredEvent event, EncoderContext context) {
        writer.writeStartDocument();
        writer.writeInt64(ID, event.globalIndex());
        writer.writeString(AGGREGATE_IDENTIFIER, event.storedAggregateIdentifier());
        writer.writeInt64(SEQUENCE_NUMBER, event.getSequenceNumber());
        writer.writeString(STREAM_KEY, event.streamKey());
        if (event.getType() != null) {
            writer.writeString(TYPE, event.getType());
        }
        writer.writeString(EVENT_IDENTIFIER, event.getEventIdentifier());
        Instant timestamp = event.getTimestamp();
        writer.writeDateTime(TIMESTAMP, timestamp.toEpochMilli());
        writer.writeInt32(TIMESTAMP_NANOS, timestamp.getNano() % 1_000_000);
        writer.writeString(PAYLOAD_TYPE, event.payloadTypeName());
        if (event.payloadRevisionName() != null) {
            writer.writeString(PAYLOAD_REVISION, event.payloadRevisionName());
        }
        writeData(writer, PAYLOAD, event.rawPayload());
        writeData(writer, META_DATA, event.rawMetaData());
        writer.writeEndDocument();
    }

    private static void writeData(BsonWriter writer, String name, Object data) {
        if (data instanceof byte[] bytes) {
            writer.writeBinaryData(name, new BsonBinary(bytes));
        } else {
            writer.writeString(name, data.toString());
        }
    }

    @Override
    public StoredEvent decode(BsonReader reader, DecoderContext context) {
        long globalIndex = 0;
        String type = null;
        String aggregateIdentifier = null;
        long sequenceNumber = 0;
        String eventIdentifier = null;
        long millis = 0;
        int nanos = 0;
        String payloadType = null;
        String payloadRevision = null;
        Object payload = null;
        Object metaData = null;

        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                continue;
            }
            switch (name) {
                case ID -> globalIndex = readIndex(reader);
                case AGGREGATE_IDENTIFIER -> aggregateIdentifier = reader.readString();
                case SEQUENCE_NUMBER -> sequenceNumber = readLong(reader);
                case TYPE -> type = reader.readString();
                case EVENT_IDENTIFIER -> eventIdentifier = reader.readString();
                case TIMESTAMP -> millis = reader.readDateTime();
                case TIMESTAMP_NANOS -> nanos = reader.readInt32();
                case PAYLOAD_TYPE -> payloadType = reader.readString();
                case PAYLOAD_REVISION -> payloadRevision = reader.readString();
                case PAYLOAD -> payload = readData(reader);
                case META_DATA -> metaData = readData(reader);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        Instant timestamp = Instant.ofEpochMilli(millis).plusNanos(nanos);
        return new StoredEvent(globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp,
                               payloadType, payloadRevision, payload, metaData, dataType);
    }

    /** Events have a numeric {@code _id}; snapshots are keyed by their aggregate identifier and have no index. */
    private static long readIndex(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.STRING) {
            reader.skipValue();
            return 0;
        }
        return readLong(reader);
    }

    private static long readLong(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case DOUBLE -> (long) reader.readDouble();
            default -> reader.readInt64();
        };
    }

    private Object readData(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.BINARY) {
            byte[] bytes = reader.readBinaryData().getData();
            return dataType == String.class ? new String(bytes, StandardCharsets.UTF_8) : bytes;
        }
        String text = reader.readString();
        return dataType == byte[].class ? text.getBytes(StandardCharsets.UTF_8) : text;
    }

    @Override
    public Class<StoredEvent> getEncoderClass() {
        return StoredEvent.class;
    }
}
