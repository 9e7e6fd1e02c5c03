package io.tributary.app.deadletter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import io.tributary.app.projection.RoutedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * A processing group's dead-letter queue where each sequence is one event (a {@link RoutedEvent} counts by its event
 * id alone, so a poison event never holds back the events after it, even those of its segment's key). It remembers
 * which sequences are queued, so
 * that the question the processor asks for every event it handles ("is this one already set aside?") costs no
 * round trip; an event already set aside (the processor retrying its batch) is not queued twice. One instance per
 * processing group and per application, which holds for this single-node app.
 */
final class EventDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> stored;
    private final Function<SequencedDeadLetterQueue<EventMessage<?>>, Set<String>> storedSequences;
    private volatile Set<String> sequences;

    /** @param storedSequences reads the sequence identifiers the stored queue holds */
    EventDeadLetterQueue(SequencedDeadLetterQueue<EventMessage<?>> stored,
                         Function<SequencedDeadLetterQueue<EventMessage<?>>, Set<String>> storedSequences) {
        this.stored = stored;
        this.storedSequences = storedSequences;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        sequenceIdentifier = RoutedEvent.deadLetterSequence(sequenceIdentifier);
        stored.enqueue(sequenceIdentifier, letter);
        sequences().add(key(sequenceIdentifier));
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier, Supplier<DeadLetter<? extends EventMessage<?>>> letter) {
        sequenceIdentifier = RoutedEvent.deadLetterSequence(sequenceIdentifier);
        return contains(sequenceIdentifier);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        stored.evict(letter);
        reload();
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        stored.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        sequenceIdentifier = RoutedEvent.deadLetterSequence(sequenceIdentifier);
        return sequences().contains(key(sequenceIdentifier));
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        sequenceIdentifier = RoutedEvent.deadLetterSequence(sequenceIdentifier);
        return stored.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return stored.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        sequenceIdentifier = RoutedEvent.deadLetterSequence(sequenceIdentifier);
        return stored.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return stored.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        sequenceIdentifier = RoutedEvent.deadLetterSequence(sequenceIdentifier);
        return stored.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return sequences().size();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        try {
            return stored.process(sequenceFilter, task);
        } finally {
            reload();
        }
    }

    @Override
    public void clear() {
        stored.clear();
        reload();
    }

    private Set<String> sequences() {
        Set<String> known = sequences;
        if (known == null) {
            known = reload();
        }
        return known;
    }

    private synchronized Set<String> reload() {
        Set<String> known = ConcurrentHashMap.newKeySet();
        known.addAll(storedSequences.apply(stored));
        sequences = known;
        return known;
    }

    /** As the Mongo queue keys a sequence. */
    private static String key(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String text ? text : Integer.toString(sequenceIdentifier.hashCode());
    }
}
