package io.tributary.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The H2 file store's type for document keys (the {@code _id} value, which is also a document's position) and for
 * the keys of unique indexes ({@link KeyValue}): a tag byte then a compact value, compared without serialising.
 * ObjectIds, strings, numbers, booleans, dates and UUIDs compare by value; any other BSON value (a subdocument, an
 * array, a decimal…) by its BSON bytes, which is rare for keys. Equal keys compare as 0 exactly when
 * {@code equals} holds, as a B-tree needs.
 */
final class StoredKeyType extends BasicDataType<Object> {

    static final StoredKeyType INSTANCE = new StoredKeyType();

    private static final byte MISSING = 0;
    private static final byte NULL = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte STRING = 5;
    private static final byte OBJECT_ID = 6;
    private static final byte BOOLEAN = 7;
    private static final byte DATE = 8;
    private static final byte UUID_VALUE = 9;
    private static final byte KEY_VALUE = 10;
    private static final byte OTHER_BSON = 11;

    private StoredKeyType() {
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public int getMemory(Object key) {
        if (key instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (key instanceof KeyValue kv) {
            int memory = 40;
            for (Object value : kv) {
                memory += getMemory(value);
            }
            return memory;
        }
        return key instanceof ObjectId ? 48 : 24;
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        byte tag = tagOf(key);
        buffer.put(tag);
        switch (tag) {
            case MISSING, NULL -> { }
            case INT -> buffer.putVarInt((Integer) key);
            case LONG -> buffer.putVarLong((Long) key);
            case DOUBLE -> buffer.putDouble((Double) key);
            case STRING -> {
                String s = (String) key;
                buffer.putVarInt(s.length()).putStringData(s, s.length());
            }
            case OBJECT_ID -> buffer.put(((ObjectId) key).toByteArray());
            case BOOLEAN -> buffer.put((byte) ((Boolean) key ? 1 : 0));
            case DATE -> {
                Instant instant = (Instant) key;
                buffer.putVarLong(instant.getEpochSecond()).putVarInt(instant.getNano());
            }
            case UUID_VALUE -> buffer.putLong(((UUID) key).getMostSignificantBits())
                    .putLong(((UUID) key).getLeastSignificantBits());
            case KEY_VALUE -> {
                KeyValue kv = (KeyValue) key;
                buffer.putVarInt(kv.size());
                for (Object value : kv) {
                    write(buffer, value);
                }
            }
            default -> {
                byte[] bson = bsonOf(key);
                buffer.putVarInt(bson.length).put(bson);
            }
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case MISSING -> Missing.getInstance();
            case NULL -> null;
            case INT -> DataUtils.readVarInt(buffer);
            case LONG -> DataUtils.readVarLong(buffer);
            case DOUBLE -> buffer.getDouble();
            case STRING -> DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
            case OBJECT_ID -> {
                byte[] bytes = new byte[12];
                buffer.get(bytes);
                yield new ObjectId(bytes);
            }
            case BOOLEAN -> buffer.get() != 0;
            case DATE -> Instant.ofEpochSecond(DataUtils.readVarLong(buffer), DataUtils.readVarInt(buffer));
            case UUID_VALUE -> new UUID(buffer.getLong(), buffer.getLong());
            case KEY_VALUE -> {
                Object[] values = new Object[DataUtils.readVarInt(buffer)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = read(buffer);
                }
                yield new KeyValue(Arrays.asList(values));
            }
            case OTHER_BSON -> {
                byte[] bson = new byte[DataUtils.readVarInt(buffer)];
                buffer.get(bson);
                ByteBuf in = Unpooled.wrappedBuffer(bson);
                yield BsonDecoder.decodeValue(in.readByte(), in);
            }
            default -> throw new IllegalStateException("unknown stored key tag " + tag);
        };
    }

    @Override
    public int compare(Object a, Object b) {
        byte tagA = tagOf(a);
        byte tagB = tagOf(b);
        if (tagA != tagB) {
            return Byte.compare(tagA, tagB);
        }
        return switch (tagA) {
            case MISSING, NULL -> 0;
            case INT -> Integer.compare((Integer) a, (Integer) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case DOUBLE -> Double.compare((Double) a, (Double) b);
            case STRING -> ((String) a).compareTo((String) b);
            case OBJECT_ID -> ((ObjectId) a).compareTo((ObjectId) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case DATE -> ((Instant) a).compareTo((Instant) b);
            case UUID_VALUE -> ((UUID) a).compareTo((UUID) b);
            case KEY_VALUE -> compareKeyValues((KeyValue) a, (KeyValue) b);
            default -> a.equals(b) ? 0 : Arrays.compare(bsonOf(a), bsonOf(b));
        };
    }

    private int compareKeyValues(KeyValue a, KeyValue b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static byte tagOf(Object key) {
        if (key instanceof Missing) {
            return MISSING;
        } else if (key == null) {
            return NULL;
        } else if (key instanceof Integer) {
            return INT;
        } else if (key instanceof Long) {
            return LONG;
        } else if (key instanceof Double) {
            return DOUBLE;
        } else if (key instanceof String) {
            return STRING;
        } else if (key instanceof ObjectId) {
            return OBJECT_ID;
        } else if (key instanceof Boolean) {
            return BOOLEAN;
        } else if (key instanceof Instant) {
            return DATE;
        } else if (key instanceof UUID) {
            return UUID_VALUE;
        } else if (key instanceof KeyValue) {
            return KEY_VALUE;
        }
        return OTHER_BSON;
    }

    /** The value as BSON: its type byte, then its BSON encoding. */
    private static byte[] bsonOf(Object value) {
        ByteBuf out = Unpooled.buffer(64);
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        BsonEncoder.encodeValue(type, value, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredKeyType;
    }

    @Override
    public int hashCode() {
        return StoredKeyType.class.hashCode();
    }

}
