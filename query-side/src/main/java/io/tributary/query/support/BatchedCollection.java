package io.tributary.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * One collection as a {@link DocumentBatch} sees it: each document read at most once per batch, by {@code _id}
 * ({@code $in} for many), changed in memory, and written back whole by {@code _id} when the batch is written. Reads
 * see the batch's own changes. Filters are by {@code _id} only, the one filter the embedded store serves from an
 * index.
 */
public final class BatchedCollection {

    /** Small $in lists: the embedded store compares each document it finds with the whole list. */
    static final int IN_CHUNK = 100;
    private static final int MAX_DEPTH = 64;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoCollection<Document> collection;
    /** What this batch knows: the document as it stands, or null when known to be absent. */
    private final Map<Object, Document> known = new HashMap<>();
    private final Set<Object> changed = new LinkedHashSet<>();

    BatchedCollection(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Reads the documents of {@code ids} this batch does not know yet, {@value #IN_CHUNK} per query. */
    public void load(Collection<?> ids) {
        List<Object> unknown = ids.stream().filter(id -> id != null && !known.containsKey(id)).distinct()
                .map(Object.class::cast).toList();
        for (int from = 0; from < unknown.size(); from += IN_CHUNK) {
            List<Object> chunk = unknown.subList(from, Math.min(unknown.size(), from + IN_CHUNK));
            chunk.forEach(id -> known.put(id, null));
            collection.find(in("_id", chunk)).forEach(document -> known.put(document.get("_id"), document));
        }
    }

    /** Reads {@code ids}, then the ids that {@code next} finds in what was read, and so on: a chain in a few reads. */
    public void load(Collection<?> ids, Function<Document, Object> next) {
        List<Object> frontier = new ArrayList<>(ids);
        for (int depth = 0; !frontier.isEmpty() && depth < MAX_DEPTH; depth++) {
            load(frontier);
            List<Object> following = new ArrayList<>();
            for (Object id : frontier) {
                Document document = id == null ? null : known.get(id);
                Object nextId = document == null ? null : next.apply(document);
                if (nextId != null && !known.containsKey(nextId)) {
                    following.add(nextId);
                }
            }
            frontier = following;
        }
    }

    /** The document as this batch left it, or null; read by {@code _id} unless known. Change it only through upsert/update. */
    public Document find(Object id) {
        if (!known.containsKey(id)) {
            known.put(id, collection.find(eq("_id", id)).first());
        }
        return known.get(id);
    }

    /** The document to change, created as {@code {_id}} when absent; written at the end of the batch. */
    public Document upsert(Object id) {
        return upsert(id, inserted -> { });
    }

    /** As {@link #upsert(Object)}, and {@code onInsert} fills a document created now (Mongo's $setOnInsert). */
    public Document upsert(Object id, Consumer<Document> onInsert) {
        Document document = find(id);
        if (document == null) {
            document = new Document("_id", id);
            onInsert.accept(document);
            known.put(id, document);
        }
        changed.add(id);
        return document;
    }

    /** The existing document to change, or null when there is none (an update without upsert). */
    public Document update(Object id) {
        Document document = find(id);
        if (document != null) {
            changed.add(id);
        }
        return document;
    }

    /** Replaces the document whole, without reading it first. */
    public void replace(Document document) {
        Object id = document.get("_id");
        known.put(id, document);
        changed.add(id);
    }

    /** Deletes the document (if any) when the batch is written; later reads of this batch find none. */
    public void delete(Object id) {
        known.put(id, null);
        changed.add(id);
    }

    /**
     * Writes every changed document, in the order first changed, in one ordered bulk of replacements (upserts) by
     * {@code _id}, or deletions by {@code _id} of those deleted. (Inserting the documents known to be new instead
     * measured no faster on the embedded store.)
     */
    void write() {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        changed.forEach(id -> {
            Document document = known.get(id);
            writes.add(document == null ? new DeleteOneModel<>(eq("_id", id))
                    : new ReplaceOneModel<>(eq("_id", id), document, UPSERT));
        });
        collection.bulkWrite(writes, ORDERED);
        changed.clear();
    }
}
