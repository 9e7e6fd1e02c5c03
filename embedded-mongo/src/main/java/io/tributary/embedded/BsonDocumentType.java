package io.tributary.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The H2 file store's type for stored documents: their BSON bytes, written and read with the same codec the
 * MongoDB wire protocol uses, instead of Java serialisation. A BSON document starts with its own length, so the
 * bytes are stored as they are.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private BsonDocumentType() {
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get();
        bson.clear();
        BsonEncoder.encodeDocument(document, bson);
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        if (bson.capacity() > 1 << 20) {
            ENCODING.remove();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuffer bytes = buffer.slice();
        bytes.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /** A cheap estimate of the heap a decoded document takes, for H2's cache accounting; never encodes. */
    @Override
    public int getMemory(Document document) {
        return 48 + entriesMemory(document);
    }

    private static int entriesMemory(Map<String, ?> map) {
        int memory = 0;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            memory += 48 + 2 * entry.getKey().length() + valueMemory(entry.getValue());
        }
        return memory;
    }

    private static int valueMemory(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> document = (Map<String, ?>) map;
            return 48 + entriesMemory(document);
        }
        if (value instanceof Collection<?> list) {
            int memory = 40;
            for (Object element : list) {
                memory += 8 + valueMemory(element);
            }
            return memory;
        }
        return 24;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BsonDocumentType;
    }

    @Override
    public int hashCode() {
        return BsonDocumentType.class.hashCode();
    }
}
