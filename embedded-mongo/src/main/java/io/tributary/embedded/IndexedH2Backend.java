package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** mongo-java-server's H2 file backend whose secondary indexes are ordered (in memory) and serve ranges and sorts. */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return IndexedH2Database.open(name, getMvStore(), getCursorRegistry());
    }
}
