package io.tributary.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitOfWorkBatchesTest extends EmbeddedMongo {

    private final List<List<Object>> preloads = new ArrayList<>();
    private UnitOfWorkBatches batches;

    @BeforeEach
    void createBatches() {
        batches = new UnitOfWorkBatches(database, (batch, events) -> {
            preloads.add(events);
            batch.collection("counters").load(events.stream().map(Object::toString).toList());
        });
    }

    /** The handler of one event: counts it on the counter named by the event, and in a total. */
    private void count(Object event) {
        batches.run(batch -> {
            DocumentUpdates.increment(batch.collection("counters").upsert(event.toString()), "n");
            DocumentUpdates.increment(batch.collection("counters").upsert("total"), "n");
        });
    }

    @Test
    void writesTheBatchWhenItsLastEventIsHandledBeforeWhatTheProcessorCommitsNext() {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = batchOf("a", "b", "a");
        List<Long> storedWhileHandling = new ArrayList<>();
        List<Long> storedWhenTheTokenIsStored = new ArrayList<>();
        unitOfWork.onPrepareCommit(u -> storedWhenTheTokenIsStored.add(stored())); // as the processor's token step

        unitOfWork.executeWithResult(() -> {
            storedWhileHandling.add(stored());
            count(unitOfWork.getMessage().getPayload());
            return null;
        });

        assertThat(storedWhileHandling).containsExactly(0L, 0L, 0L);
        assertThat(storedWhenTheTokenIsStored).containsExactly(3L);
        assertThat(counter("a")).isEqualTo(2);
        assertThat(counter("b")).isEqualTo(1);
        assertThat(counter("total")).as("each event saw the batch's earlier changes").isEqualTo(3);
    }

    @Test
    void preloadsForTheWholeBatchOnce() {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = batchOf("a", "b", "c");

        unitOfWork.executeWithResult(() -> {
            count(unitOfWork.getMessage().getPayload());
            return null;
        });

        assertThat(preloads).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void continuesFromWhatEarlierBatchesWrote() {
        for (int i = 0; i < 3; i++) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = batchOf("a", "b");
            unitOfWork.executeWithResult(() -> {
                count(unitOfWork.getMessage().getPayload());
                return null;
            });
        }

        assertThat(counter("a")).isEqualTo(3);
        assertThat(counter("total")).isEqualTo(6);
    }

    @Test
    void writesNothingWhenTheUnitOfWorkRollsBack() {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = batchOf("a", "b", "boom");

        unitOfWork.executeWithResult(() -> {
            Object event = unitOfWork.getMessage().getPayload();
            if (event.equals("boom")) {
                throw new IllegalStateException("handler failed");
            }
            count(event);
            return null;
        });

        assertThat(unitOfWork.isRolledBack()).isTrue();
        assertThat(stored()).isZero();
    }

    @Test
    void writesWhenAnyOtherUnitOfWorkCommits() throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = new DefaultUnitOfWork<>(GenericEventMessage.asEventMessage("a"));

        unitOfWork.executeWithResult(() -> {
            count("a");
            count("a");
            assertThat(stored()).isZero();
            return null;
        });

        assertThat(counter("a")).isEqualTo(2);
    }

    @Test
    void writesAtOnceOutsideAUnitOfWork() {
        count("a");

        assertThat(counter("a")).isEqualTo(1);
        assertThatThrownBy(() -> batches.run(batch -> {
            batch.collection("counters").upsert("b");
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(database.getCollection("counters").countDocuments()).as("a failed change is not written").isEqualTo(2);
    }

    @Test
    void runsAFailedBatchAgainEventByEventSoThatOnlyTheFailingEventFails() {
        List<EventMessage<?>> events = messages("a", "poison", "b");
        List<String> failedAlone = new ArrayList<>();

        BatchingUnitOfWork<EventMessage<?>> first = new BatchingUnitOfWork<>(events);
        first.executeWithResult(() -> handleLikeADeadLetterQueue(first, failedAlone));
        assertThat(first.getExecutionResult().getExceptionResult()).isInstanceOf(BatchFailed.class);
        assertThat(stored()).as("the failed batch wrote nothing").isZero();

        BatchingUnitOfWork<EventMessage<?>> again = new BatchingUnitOfWork<>(events);
        again.executeWithResult(() -> handleLikeADeadLetterQueue(again, failedAlone));

        assertThat(again.isRolledBack()).isFalse();
        assertThat(failedAlone).containsExactly("poison after 3 attempts");
        assertThat(counter("a")).isEqualTo(1);
        assertThat(counter("b")).isEqualTo(1);
        assertThat(counter("total")).isEqualTo(2);
    }

    @Test
    void blamesTheEventWhoseDocumentCannotBeWrittenWhenTheBatchWriteFails() {
        List<EventMessage<?>> events = messages("a", "unwritable", "b");
        List<String> failedAlone = new ArrayList<>();

        BatchingUnitOfWork<EventMessage<?>> first = new BatchingUnitOfWork<>(events);
        first.executeWithResult(() -> handleLikeADeadLetterQueue(first, failedAlone));
        BatchingUnitOfWork<EventMessage<?>> again = new BatchingUnitOfWork<>(events);
        again.executeWithResult(() -> handleLikeADeadLetterQueue(again, failedAlone));

        assertThat(first.getExecutionResult().getExceptionResult()).isInstanceOf(BatchFailed.class);
        assertThat(failedAlone).containsExactly("unwritable after 3 attempts");
        assertThat(counter("a")).isEqualTo(1);
        assertThat(counter("b")).isEqualTo(1);
    }

    @Test
    void batchesAgainOnceTheEventByEventRunCommitted() {
        List<EventMessage<?>> events = messages("a", "poison");
        List<String> failedAlone = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
            unitOfWork.executeWithResult(() -> handleLikeADeadLetterQueue(unitOfWork, failedAlone));
        }
        preloads.clear();

        BatchingUnitOfWork<EventMessage<?>> next = batchOf("c", "d");
        next.executeWithResult(() -> handleLikeADeadLetterQueue(next, failedAlone));

        assertThat(preloads).containsExactly(List.of("c", "d"));
    }

    /** Handles the current event; like Axon's dead-lettering invoker, takes aside an event that failed alone. */
    private Object handleLikeADeadLetterQueue(BatchingUnitOfWork<EventMessage<?>> unitOfWork, List<String> failedAlone) {
        Object event = unitOfWork.getMessage().getPayload();
        try {
            batches.run(batch -> {
                if (event.equals("poison")) {
                    throw new IllegalStateException("cannot handle " + event);
                }
                DocumentUpdates.increment(batch.collection("counters").upsert(event.toString()), "n");
                DocumentUpdates.increment(batch.collection("counters").upsert("total"), "n");
                if (event.equals("unwritable")) {
                    batch.collection("counters").upsert("bad").put("no\0nul", 1);
                }
            });
        } catch (EventFailed failed) {
            failedAlone.add(event + " after " + failed.attempts() + " attempts");
        }
        return null;
    }

    private static List<EventMessage<?>> messages(Object... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        return messages;
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(Object... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        return new BatchingUnitOfWork<>(messages);
    }

    private long stored() {
        return database.getCollection("counters").countDocuments();
    }

    private int counter(String id) {
        Document counter = database.getCollection("counters").find(new Document("_id", id)).first();
        return counter == null ? 0 : counter.getInteger("n");
    }
}
