package io.tributary.command.support;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * State buffered for the root unit of work in progress: created on first use, written out when the unit of work
 * prepares its commit, undone if it rolls back, and confirmed once it committed. A unit of work prepares its commit
 * in the order its parts joined, so a buffer first used before the unit of work published any event is written
 * before its events are stored. Outside a unit of work there is no buffer, and callers write through.
 */
public final class UnitOfWorkBuffer {

    private UnitOfWorkBuffer() {
    }

    public static <T> Optional<T> current(String key, Supplier<T> create, Consumer<T> write, Consumer<T> undo,
                                          Consumer<T> confirm) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return Optional.of(root.getOrComputeResource(key, k -> {
            T buffer = create.get();
            root.onPrepareCommit(u -> write.accept(buffer));
            root.onRollback(u -> undo.accept(buffer));
            root.afterCommit(u -> confirm.accept(buffer));
            return buffer;
        }));
    }
}
