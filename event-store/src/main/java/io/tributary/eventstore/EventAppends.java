package io.tributary.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * Appends: serializes the events, reserves one block of global indexes and inserts all documents with one ordered
 * {@code insertMany}.
 * <p>
 * MongoDB has no transaction here, and an ordered insert stops at the first duplicate key, leaving the documents
 * before it in place. To keep that prefix empty in the common case, the first event of each aggregate in the batch
 * (the one that collides when another writer got there first) is inserted before the rest; a unit of work that
 * touches one aggregate therefore fails without writing anything. If a prefix was written anyway (several aggregates
 * in one unit of work), it is deleted again before the failure is reported; the embedded store never keeps such a
 * prefix in the first place. Either way the reserved indexes that end up empty are gaps to the tracking readers.
 */
final class EventAppends {

    // named after the engine, so that log settings made for it keep applying
    private static final Logger logger = LoggerFactory.getLogger(SequencedMongoEventStorageEngine.class);

    private final EventsCollection collection;
    private final GlobalSequence sequence;
    private final Class<?> dataType;
    private final BiConsumer<Exception, EventMessage<?>> failures;

    /**
     * @param failures told of a failed write and the event it failed on; it raises the exception the caller sees
     */
    EventAppends(EventsCollection collection, GlobalSequence sequence, Class<?> dataType,
                 BiConsumer<Exception, EventMessage<?>> failures) {
        this.collection = collection;
        this.sequence = sequence;
        this.dataType = dataType;
        this.failures = failures;
    }

    void append(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        int count = messages.size();
        List<DomainEventMessage<?>> domainMessages = new ArrayList<>(count);
        List<SerializedObject<?>> payloads = new ArrayList<>(count);
        List<SerializedObject<?>> metaData = new ArrayList<>(count);
        for (EventMessage<?> message : messages) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            domainMessages.add(event);
            payloads.add(event.serializePayload(serializer, dataType));
            metaData.add(event.serializeMetaData(serializer, dataType));
        }

        long firstIndex;
        try {
            firstIndex = sequence.reserve(count) - count + 1;
        } catch (MongoException e) {
            failures.accept(e, messages.get(0));
            return;
        }

        int[] order = conflictFirstOrder(domainMessages);
        List<StoredEvent> documents = new ArrayList<>(count);
        for (int position : order) {
            DomainEventMessage<?> event = domainMessages.get(position);
            SerializedObject<?> payload = payloads.get(position);
            documents.add(new StoredEvent(firstIndex + position, event.getType(), event.getAggregateIdentifier(),
                                          event.getSequenceNumber(), event.getIdentifier(), event.getTimestamp(),
                                          payload.getType().getName(), payload.getType().getRevision(),
                                          payload.getData(), metaData.get(position).getData(), dataType));
        }

        try {
            collection.insertInOrder(documents);
        } catch (MongoBulkWriteException e) {
            int failedAt = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            removeQuietly(documents.subList(0, failedAt));
            failures.accept(e, messages.get(order[failedAt]));
        } catch (MongoException e) {
            // we cannot tell how much was written: remove whatever of ours is there
            removeQuietly(documents);
            failures.accept(e, messages.get(0));
        }
    }

    /**
     * The insertion order: the first event of every aggregate that already has events (the ones another writer may
     * have taken: with several nodes, the usual conflict), then the first event of every new aggregate (sequence 0,
     * a random identifier: rarely taken), then the others, each group in the original order. Per aggregate the
     * sequence order is kept. So a unit of work that loses a race on an existing aggregate writes nothing, even when
     * it also creates aggregates: no event of it is ever visible to a tracker before the compensating delete.
     */
    static int[] conflictFirstOrder(List<? extends DomainEventMessage<?>> events) {
        int[] order = new int[events.size()];
        boolean[] first = new boolean[events.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            first[i] = seen.add(events.get(i).getAggregateIdentifier());
        }
        int next = 0;
        for (int i = 0; i < events.size(); i++) {
            if (first[i] && events.get(i).getSequenceNumber() > 0) {
                order[next++] = i;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (first[i] && events.get(i).getSequenceNumber() == 0) {
                order[next++] = i;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (!first[i]) {
                order[next++] = i;
            }
        }
        return order;
    }

    private void removeQuietly(List<StoredEvent> written) {
        if (written.isEmpty()) {
            return;
        }
        List<Long> ids = written.stream().map(StoredEvent::globalIndex).collect(Collectors.toList());
        try {
            collection.delete(ids);
        } catch (MongoException e) {
            logger.warn("Could not remove {} events of a failed append (global indexes {}..{}); they stay visible",
                        ids.size(), ids.get(0), ids.get(ids.size() - 1), e);
        }
    }
}
