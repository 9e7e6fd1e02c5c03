package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/** A memory-backend collection that finds candidates through its ordered indexes ({@link IndexPlanner}). */
final class IndexedMemoryCollection extends MemoryCollection {

    IndexedMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fields) {
        return IndexPlanner.answer(this, getIndexes(), query, orderBy, limit, this::streamAllDocumentsWithPosition,
                () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields),
                (positions, sort) -> matchDocuments(query, positions, sort, skip, limit, batchSize, fields));
    }

    /** Updates keep the stored document and its field names; only inserts bring new names in. */
    @Override
    protected Integer addDocumentInternal(Document document) {
        SharedFieldNames.POOL.share(document);
        return super.addDocumentInternal(document);
    }

    /** Under the collection's lock like every other read and write here, so an index never sees two writers. */
    @Override
    public synchronized void addIndex(Index<Integer> index) {
        super.addIndex(index);
    }

    /** See {@link WholeOrderedInserts}. */
    @Override
    public synchronized List<Document> insertDocuments(List<Document> documents, boolean ordered) {
        return WholeOrderedInserts.takeBackPrefix(documents, ordered, super.insertDocuments(documents, ordered),
                this::removeDocument);
    }

    /** No data size kept, as in {@link IndexedH2Collection#tracksDataSize()}. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
    }
}
