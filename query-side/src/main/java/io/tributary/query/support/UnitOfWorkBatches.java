package io.tributary.query.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * (a handler called directly) each call is its own batch, written at once; in a unit of work of one event (a dead
 * letter being retried) the batch is written when that unit of work commits.
 * <p>
 * <b>Failures.</b> When a batch fails (a handler throws, or the write does), no single event can be blamed: the
 * handler throws {@link BatchFailed}, the processor rolls back, and the next batch holding any of those events runs
 * event by event: each event is read, changed and written alone, tried {@value #ATTEMPTS_PER_EVENT} times, and a
 * failure throws {@link EventFailed} for that event only, which a dead-letter queue can take aside while the others
 * are written. A batch that passed that way lets the projection batch again.
 * <p>
 * Single writer per document: a batch overwrites whole documents with the state it read plus its changes, so a
 * second segment writing the same documents at the same time would lose updates. A projection's processor runs one
 * segment, or several only when its sequencing policy sends every event that writes a document to that document's
 * one segment (the app's {@code ReadModelSequencing}; docs/scale-out.md). A rolled-back unit of work drops its batch unwritten; the
 * read models handle the retried events idempotently.
 */
public final class UnitOfWorkBatches {

    static final int ATTEMPTS_PER_EVENT = 3;

    private final MongoDatabase database;
    private final String resourceKey = getClass().getName() + "/" + UUID.randomUUID();
    private final BiConsumer<DocumentBatch, List<Object>> preload;
    /** The events of batches that failed as a whole; a batch holding any of them runs event by event. */
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

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
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        if (!(current.root() instanceof BatchingUnitOfWork<?> batching)) {
            changes.accept(current.getOrComputeResource(resourceKey, key -> openSingle(current)));
            return;
        }
        if (isEventByEvent(batching)) {
            runAlone(current.getMessage(), changes);
            return;
        }
        try {
            DocumentBatch batch = batching.getOrComputeResource(resourceKey, key -> open(batching));
            changes.accept(batch);
            if (batching.isLastMessage()) {
                batch.write();
            }
        } catch (BatchFailed failed) {
            throw failed;
        } catch (RuntimeException failure) {
            throw suspect(batching, failure);
        }
    }

    private boolean isEventByEvent(BatchingUnitOfWork<?> batching) {
        if (suspects.isEmpty()) {
            return false;
        }
        return batching.getOrComputeResource(resourceKey + "/event-by-event", key -> {
            List<String> ids = identifiers(batching);
            boolean suspect = ids.stream().anyMatch(suspects::contains);
            if (suspect) {
                batching.afterCommit(u -> ids.forEach(suspects::remove));
            }
            return suspect;
        });
    }

    private DocumentBatch open(BatchingUnitOfWork<?> batching) {
        DocumentBatch batch = new DocumentBatch(database);
        preload.accept(batch, batching.getMessages().stream().map(UnitOfWorkBatches::payloadOrNull).toList());
        batching.onPrepareCommit(u -> {
            try {
                batch.write();
            } catch (RuntimeException failure) {
                throw suspect(batching, failure);
            }
        });
        return batch;
    }

    private DocumentBatch openSingle(UnitOfWork<?> unit) {
        DocumentBatch batch = new DocumentBatch(database);
        preload.accept(batch, Collections.singletonList(payloadOrNull(unit.getMessage())));
        unit.onPrepareCommit(u -> batch.write());
        return batch;
    }

    private void runAlone(Message<?> message, Consumer<DocumentBatch> changes) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS_PER_EVENT; attempt++) {
            try {
                DocumentBatch batch = new DocumentBatch(database);
                preload.accept(batch, Collections.singletonList(payloadOrNull(message)));
                changes.accept(batch);
                batch.write();
                return;
            } catch (RuntimeException failure) {
                last = failure;
                if (!pause(attempt)) {
                    break;
                }
            }
        }
        throw new EventFailed(ATTEMPTS_PER_EVENT, last);
    }

    private BatchFailed suspect(BatchingUnitOfWork<?> batching, RuntimeException failure) {
        suspects.addAll(identifiers(batching));
        return new BatchFailed(failure);
    }

    private static List<String> identifiers(BatchingUnitOfWork<?> batching) {
        return batching.getMessages().stream().map(Message::getIdentifier).toList();
    }

    private static boolean pause(int attempt) {
        if (attempt == ATTEMPTS_PER_EVENT) {
            return true;
        }
        try {
            Thread.sleep(20L * attempt);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A payload that cannot be read fails in its own handler, not in the preload of the whole batch. */
    private static Object payloadOrNull(Message<?> message) {
        if (message == null) {
            return null;
        }
        try {
            return message.getPayload();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
