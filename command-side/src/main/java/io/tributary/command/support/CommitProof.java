package io.tributary.command.support;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Remembers, for the root unit of work in progress, the identifier of the first event it publishes. The unit of
 * work's events are stored together, so once the event store holds that one, the unit of work committed: its
 * claims (see {@link UnconfirmedClaims}) were not left behind by a writer that died before its events were stored.
 */
public final class CommitProof implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String KEY = CommitProof.class.getName();

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
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(KEY));
    }
}
