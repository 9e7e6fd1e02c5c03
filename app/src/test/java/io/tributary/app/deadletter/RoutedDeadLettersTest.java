package io.tributary.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.projection.RoutedEvent;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

/** In a split read model, events of one key share a segment, but a poison event is set aside on its own. */
class RoutedDeadLettersTest {

    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> stored = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final EventDeadLetterQueue queue = new EventDeadLetterQueue(stored, RoutedDeadLettersTest::eventIds);

    @Test
    void setsAsideOnePoisonEventWithoutHoldingBackTheLaterEventsOfItsKey() {
        EventMessage<?> poison = GenericEventMessage.asEventMessage("poison");
        EventMessage<?> later = GenericEventMessage.asEventMessage("later");
        RoutedEvent poisonSequence = new RoutedEvent("session:s-1", poison.getIdentifier());
        RoutedEvent laterSequence = new RoutedEvent("session:s-1", later.getIdentifier());

        queue.enqueue(poisonSequence, new GenericDeadLetter<>(poisonSequence, poison));

        assertThat(stored.contains(poison.getIdentifier())).as("kept under the event's id").isTrue();
        assertThat(queue.contains(poisonSequence)).isTrue();
        assertThat(queue.contains(laterSequence)).isFalse();
        assertThat(queue.enqueueIfPresent(laterSequence, () -> new GenericDeadLetter<>(laterSequence, later)))
                .as("the later event of the same key is handled").isFalse();
        assertThat(queue.amountOfSequences()).isEqualTo(1);
    }

    private static Set<String> eventIds(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        Set<String> ids = new HashSet<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            sequence.forEach(letter -> ids.add(letter.message().getIdentifier()));
        }
        return ids;
    }
}
