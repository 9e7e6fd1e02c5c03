package io.tributary.command.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The proof that the root unit of work in progress committed: the identifier of the first event it publishes. The
 * unit of work's events are stored together, so once the event store holds that one, the unit of work committed: its
 * claims (see {@link UnconfirmedClaims}) were not left behind by a writer that died before its events were stored.
 * <p>
 * Claims are written when the unit of work prepares its commit, before Axon's event bus hands the events to its
 * dispatch interceptors (it does so only then, just before storing them). So the proof is read from the event bus's
 * queue of the root unit of work; once the bus has intercepted the events, this interceptor has remembered it.
 */
public final class CommitProof implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String KEY = CommitProof.class.getName();
    /** How Axon's {@code AbstractEventBus} names the resource holding a unit of work's events until it stores them. */
    private static final String EVENT_QUEUE_SUFFIX = "_EVENTS";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            CurrentUnitOfWork.ifStarted(uow -> uow.root().getOrComputeResource(KEY, key -> message.getIdentifier()));
            return message;
        };
    }

    /** The identifier of the first event the root unit of work in progress published, if it published one. */
    public static Optional<String> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        String intercepted = root.getResource(KEY);
        return intercepted != null ? Optional.of(intercepted) : firstQueued(root);
    }

    private static Optional<String> firstQueued(UnitOfWork<?> root) {
        for (Map.Entry<String, Object> resource : root.resources().entrySet()) {
            if (resource.getKey().endsWith(EVENT_QUEUE_SUFFIX) && resource.getValue() instanceof List<?> queue
                    && !queue.isEmpty() && queue.get(0) instanceof EventMessage<?> first) {
                return Optional.of(first.getIdentifier());
            }
        }
        return Optional.empty();
    }
}
