package io.tributary.embedded;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The file store's type for the keys of a persisted ordered index ({@link StoredEntries}): the key values then the
 * {@code _id}, each written as {@link StoredKeyType} writes a value, and compared in the index's {@link KeyOrder}
 * (mongo-java-server's BSON order, each key in its direction), so that the B-tree holds them in index order.
 */
final class EntryKeyType extends BasicDataType<Object[]> {

    private final KeyOrder order;

    EntryKeyType(KeyOrder order) {
        this.order = order;
    }

    @Override
    public Object[][] createStorage(int size) {
        return new Object[size][];
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        return order.compare(a, b);
    }

    @Override
    public int getMemory(Object[] key) {
        int memory = 24 + 8 * key.length;
        for (Object value : key) {
            memory += StoredKeyType.INSTANCE.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, Object[] key) {
        buffer.putVarInt(key.length);
        for (Object value : key) {
            StoredKeyType.INSTANCE.write(buffer, value);
        }
    }

    @Override
    public Object[] read(ByteBuffer buffer) {
        Object[] key = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < key.length; i++) {
            key[i] = StoredKeyType.INSTANCE.read(buffer);
        }
        return key;
    }
}
