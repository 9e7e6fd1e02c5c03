package io.tributary.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Messages and factories shared by the engine's tests. */
final class TestEvents {

    static final String CART = "Cart";

    record CartOpened(String cartId) {
    }

    record ItemAdded(String cartId, String sku, int quantity, List<String> tags) {
    }

    record PageViewed(String url, long viewedAt) {
    }

    record CartState(String cartId, int items) {
    }

    private TestEvents() {
    }

    static String newCartId() {
        return "cart-" + UUID.randomUUID();
    }

    static DomainEventMessage<?> itemAdded(String cartId, long sequenceNumber) {
        return new GenericDomainEventMessage<>(CART, cartId, sequenceNumber,
                                               new ItemAdded(cartId, "sku-" + sequenceNumber, 1, List.of("a", "b")),
                                               MetaData.with("traceId", "trace-" + sequenceNumber));
    }

    static DomainEventMessage<?> itemAddedAt(String cartId, long sequenceNumber, Instant timestamp) {
        return new GenericDomainEventMessage<>(CART, cartId, sequenceNumber,
                                               new ItemAdded(cartId, "sku-" + sequenceNumber, 1, List.of()),
                                               MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp);
    }

    /** Events {@code from … from+count-1} of one cart. */
    static List<DomainEventMessage<?>> cartEvents(String cartId, long from, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (long sequence = from; sequence < from + count; sequence++) {
            events.add(sequence == 0
                               ? new GenericDomainEventMessage<>(CART, cartId, 0, new CartOpened(cartId))
                               : itemAdded(cartId, sequence));
        }
        return events;
    }
}
