package io.tributary.query.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Gives a projection's event handlers one {@link DocumentBatch} per Axon unit of work. A streaming processor hands
 * a projection a batch of events in one {@link BatchingUnitOfWork} and calls the handler once per event: the first
 * call opens the batch and lets the projection read, in a few queries, every document the whole batch of events
 * will need ({@code preload}); each call then changes documents in memory; the batch is written when the handler of
 * the last event returns, else when the unit of work prepares its commit. Writing at the last event keeps the order
 * the per-event writes had: read model first, then the processor's token (which the processor stores in its own
 * prepare-commit step, registered before any handler runs). That relies on the processor's batches holding only
 * events this projection handles, which holds with one projection per processing group and a handler that always
 * calls {@link #run}; otherwise the prepare-commit write still happens, but after the token. Outside a unit of work
 * (a handler called directly) each call is its own batch, written at once.
 * <p>
 * Single writer: a batch overwrites whole documents with the state it read plus its changes, so a projection's
 * processor must run one segment (AxonConfig sets {@code initialSegmentCount(1)}); a second segment writing the
 * same documents at the same time would lose updates. A rolled-back unit of work drops its batch unwritten; if
 * writing fails, the unit of work rolls back and the processor retries the whole batch, which the read models
 * handle idempotently.
 */
public final class UnitOfWorkBatches {

    private final MongoDatabase database;
    private final String resourceKey = getClass().getName() + "/" + UUID.randomUUID();
    private final BiConsumer<DocumentBatch, List<Object>> preload;

    /** @param preload reads, for the event payloads of a batch, the documents their handlers will need */
    public UnitOfWorkBatches(MongoDatabase database, BiConsumer<DocumentBatch, List<Object>> preload) {
        this.database = database;
        this.preload = preload;
    }

    /** The payloads of a batch that are of this type, for a preload. */
    public static <T> List<T> payloadsOf(List<Object> payloads, Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Runs one event's changes in the current batch (a batch of its own outside a unit of work). */
    public void run(Consumer<DocumentBatch> changes) {
        if (!CurrentUnitOfWork.isStarted()) {
            DocumentBatch batch = new DocumentBatch(database);
            changes.accept(batch);
            batch.write();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        DocumentBatch batch = root.getOrComputeResource(resourceKey, key -> open(root));
        changes.accept(batch);
        if (root instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
            batch.write();
        }
    }

    private DocumentBatch open(UnitOfWork<?> root) {
        DocumentBatch batch = new DocumentBatch(database);
        List<? extends Message<?>> messages = root instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(root.getMessage());
        preload.accept(batch, messages.stream().map(UnitOfWorkBatches::payloadOrNull).toList());
        root.onPrepareCommit(u -> batch.write());
        return batch;
    }

    /** A payload that cannot be read fails in its own handler, not in the preload of the whole batch. */
    private static Object payloadOrNull(Message<?> message) {
        try {
            return message.getPayload();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
