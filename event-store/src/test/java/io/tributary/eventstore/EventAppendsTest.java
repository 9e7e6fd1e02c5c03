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
}
