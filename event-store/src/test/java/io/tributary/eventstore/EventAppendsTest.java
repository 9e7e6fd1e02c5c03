package io.tributary.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static io.tributary.eventstore.TestEvents.CART;
import static org.assertj.core.api.Assertions.assertThat;

class EventAppendsTest {

    @ParameterizedTest(name = "aggregates [{0}] are inserted in order [{1}]")
    @CsvSource(delimiter = '|', value = {
            "a         | 0",
            "a a a     | 0 1 2",
            "a b c     | 0 1 2",
            "a a b b c | 0 2 4 1 3",
            "a b a b   | 0 1 2 3",
            "a a a b   | 0 3 1 2",
            "b a a b a | 0 1 2 3 4",
    })
    void insertsTheFirstEventOfEachAggregateBeforeTheRestKeepingEachAggregatesOrder(String aggregates,
                                                                                   String expectedOrder) {
        List<DomainEventMessage<?>> unitOfWork = new ArrayList<>();
        for (String aggregate : aggregates.split(" ")) {
            long sequence = unitOfWork.stream().filter(e -> e.getAggregateIdentifier().equals(aggregate)).count();
            unitOfWork.add(new GenericDomainEventMessage<>(CART, aggregate, sequence, "payload"));
        }

        int[] order = EventAppends.conflictFirstOrder(unitOfWork);

        assertThat(Arrays.stream(order).mapToObj(String::valueOf).collect(Collectors.joining(" ")))
                .isEqualTo(expectedOrder);
    }

    /** {@code n:0} is the new aggregate n's first event, {@code e:5} existing aggregate e's event at sequence 5. */
    @ParameterizedTest(name = "events [{0}] are inserted in order [{1}]")
    @CsvSource(delimiter = '|', value = {
            "n:0 e:5         | 1 0",
            "n:0 n:1 e:5 e:6 | 2 0 1 3",
            "n:0 e:5 m:0 f:2 | 1 3 0 2",
            "e:5 n:0         | 0 1",
    })
    void insertsExistingAggregatesBeforeNewOnesSoThatALostRaceWritesNothing(String events, String expectedOrder) {
        List<DomainEventMessage<?>> unitOfWork = new ArrayList<>();
        for (String event : events.split(" ")) {
            String[] parts = event.split(":");
            unitOfWork.add(new GenericDomainEventMessage<>(CART, parts[0], Long.parseLong(parts[1]), "payload"));
        }

        int[] order = EventAppends.conflictFirstOrder(unitOfWork);

        assertThat(Arrays.stream(order).mapToObj(String::valueOf).collect(Collectors.joining(" ")))
                .isEqualTo(expectedOrder);
    }
}
