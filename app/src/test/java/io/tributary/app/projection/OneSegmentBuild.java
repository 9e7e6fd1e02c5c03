package io.tributary.app.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;

/**
 * The reference a segmented read model must equal: every stored event, in the store's order, handed one at a time to
 * fresh projections writing to a database of their own, as one segment would.
 */
final class OneSegmentBuild implements AutoCloseable {

    final MongoDatabase database;

    private OneSegmentBuild(MongoDatabase database) {
        this.database = database;
    }

    @SafeVarargs
    static OneSegmentBuild of(MongoClient client, EventStorageEngine engine,
                              Function<MongoDatabase, Object>... projections) throws Exception {
        MongoDatabase database = client.getDatabase("one-segment-" + UUID.randomUUID());
        List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        for (Function<MongoDatabase, Object> projection : projections) {
            handlers.add(new AnnotationEventHandlerAdapter(projection.apply(database)));
        }
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> stored = events.iterator();
            while (stored.hasNext()) {
                TrackedEventMessage<?> event = stored.next();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
            }
        }
        return new OneSegmentBuild(database);
    }

    /** A collection's documents by id. */
    static Map<Object, Document> documents(MongoDatabase database, String collection) {
        Map<Object, Document> documents = new TreeMap<>();
        database.getCollection(collection).find().forEach(document -> documents.put(document.get("_id"), document));
        return documents;
    }

    @Override
    public void close() {
        database.drop();
    }
}
