package io.tributary.embedded;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** mongo-java-server's memory backend whose secondary indexes are ordered and serve ranges and sorts. */
public final class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String name) {
        return new IndexedMemoryDatabase(name, getCursorRegistry());
    }
}
