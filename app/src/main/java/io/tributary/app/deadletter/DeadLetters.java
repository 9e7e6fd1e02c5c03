package io.tributary.app.deadletter;

import io.tributary.app.projection.Projections;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** The events the read models set aside: listed, retried one at a time, or evicted. */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every read model's dead letters, newest first. */
    public List<DeadLetterView> list() {
        List<DeadLetterView> views = new ArrayList<>();
        for (String group : Projections.READ_MODELS) {
            queue(group).ifPresent(queue -> queue.deadLetters().forEach(sequence ->
                    sequence.forEach(letter -> views.add(view(group, letter)))));
        }
        views.sort(Comparator.comparing(DeadLetterView::enqueuedAt).reversed());
        return views;
    }

    public Optional<DeadLetterView> find(String id) {
        return letter(id).map(found -> view(found.id().processingGroup(), found.letter()));
    }

    /**
     * Handles the dead letter again. Empty when there is no such dead letter; else whether it was handled (and so
     * left the queue) or failed again (and stays, one attempt more).
     */
    public synchronized Optional<Boolean> retry(String id) {
        Optional<Found> found = letter(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetterId where = found.get().id();
        // a projection has a single writer (UnitOfWorkBatches): its processor pauses while the letter is handled
        StreamingEventProcessor processor = processing.eventProcessor(where.processingGroup(),
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            boolean handled = processing.sequencedDeadLetterProcessor(where.processingGroup()).orElseThrow()
                    .process(letter -> letter instanceof MongoDeadLetter<?> stored
                            && stored.sequenceIdentifier().equals(where.sequenceIdentifier())
                            && stored.index() == where.index());
            return Optional.of(handled);
        } finally {
            processor.start();
        }
    }

    /** Removes the dead letter without handling it; false when there was none. */
    public boolean evict(String id) {
        Optional<Found> found = letter(id);
        found.ifPresent(f -> queue(f.id().processingGroup()).orElseThrow().evict(f.letter()));
        return found.isPresent();
    }

    /** How many events the read model set aside. */
    public long count(String readModel) {
        return queue(readModel).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
    }

    private record Found(DeadLetterId id, DeadLetter<? extends EventMessage<?>> letter) {
    }

    private Optional<Found> letter(String id) {
        return DeadLetterId.decode(id).filter(where -> Projections.READ_MODELS.contains(where.processingGroup()))
                .flatMap(where -> queue(where.processingGroup()).flatMap(queue ->
                        StreamSupport.stream(queue.deadLetterSequence(where.sequenceIdentifier()).spliterator(), false)
                                .filter(letter -> letter instanceof MongoDeadLetter<?> stored
                                        && stored.index() == where.index())
                                .findFirst()
                                .map(letter -> new Found(where, letter))));
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        MongoDeadLetter<?> stored = (MongoDeadLetter<?>) letter;
        String id = new DeadLetterId(group, stored.sequenceIdentifier(), stored.index()).encoded();
        EventMessage<?> message = letter.message();
        DeadLetterView.Error error = letter.cause()
                .map(cause -> new DeadLetterView.Error(cause.type(), cause.message())).orElse(null);
        return new DeadLetterView(id, group, new DeadLetterView.Event(typeOf(message), message.getIdentifier(),
                recordIdOf(message)), error, DeadLetterDecider.attempts(letter.diagnostics()),
                letter.enqueuedAt(), letter.lastTouched());
    }

    private static String typeOf(EventMessage<?> message) {
        try {
            return message.getPayloadType().getSimpleName();
        } catch (RuntimeException unknownType) {
            return "unknown";
        }
    }

    /** The {@code recordId} of a payload that has one (most tracked-event events do). */
    private static String recordIdOf(EventMessage<?> message) {
        try {
            Object payload = message.getPayload();
            if (payload == null || !payload.getClass().isRecord()) {
                return null;
            }
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals("recordId")) {
                    Object value = component.getAccessor().invoke(payload);
                    return value == null ? null : value.toString();
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }
}
