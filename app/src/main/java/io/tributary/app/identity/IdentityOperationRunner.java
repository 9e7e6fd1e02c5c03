package io.tributary.app.identity;

import io.tributary.api.identity.IdentityOperationOutcome;
import io.tributary.api.identity.IdentityProgress;
import io.tributary.app.cluster.ClusterNodes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs splits and quarantines with split in the background, one per profile at a time, and answers within the wait:
 * with the outcome when the operation finished by then, else with the operation to poll. The operation is one command
 * in one unit of work, as when it ran on the request's thread: its events are recorded together when it commits. An
 * operation whose node stopped before it finished shows {@code interrupted}; asking for it again finishes it, since a
 * merge that was undone is not offered to undo again.
 */
@Component
public class IdentityOperationRunner implements SmartLifecycle {

    public static final String SPLIT = "split";
    public static final String QUARANTINE = "quarantine";
    public static final String NOT_MERGED = "not_merged";
    static final String NODE_STOPPED = "its node stopped before it finished; ask for it again to finish it";

    private static final Logger log = LoggerFactory.getLogger(IdentityOperationRunner.class);

    private final Map<String, CompletableFuture<IdentityOperationOutcome>> running = new ConcurrentHashMap<>();
    private final CommandGateway commands;
    private final IdentityOperationLog operations;
    private final IdentityOperationThreads threads;
    private final ClusterNodes nodes;
    private final IdentityOperationSettings settings;
    private volatile boolean accepting;

    IdentityOperationRunner(CommandGateway commands, IdentityOperationLog operations, IdentityOperationThreads threads,
                            ClusterNodes nodes, IdentityOperationSettings settings) {
        this.commands = commands;
        this.operations = operations;
        this.threads = threads;
        this.nodes = nodes;
        this.settings = settings;
    }

    /** How an operation was answered: finished within the wait, or accepted to run on. */
    public sealed interface Started {
    }

    public record Finished(IdentityOperationOutcome outcome) implements Started {
    }

    public record Accepted(IdentityOperationView operation) implements Started {
    }

    /** Another operation works on the profile. */
    public static final class ProfileBusy extends RuntimeException {
        private final transient IdentityOperationView operation;

        ProfileBusy(IdentityOperationView operation) {
            super("operation " + operation.id() + " is running on profile " + operation.profileId());
            this.operation = operation;
        }

        public IdentityOperationView operation() {
            return operation;
        }
    }

    /**
     * Starts the command on the profile and waits for it at most {@code wait} (the settings' answer-within when null,
     * never more); a command that failed within the wait throws as it would have on the request's thread.
     *
     * @throws ProfileBusy when an operation already runs on the profile
     */
    public Started start(String kind, String profileId, Object command, Duration wait) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<IdentityOperationOutcome> result = new CompletableFuture<>();
        running.put(id, result);
        try {
            operations.started(id, kind, profileId, nodes.self().value());
            claim(profileId, id);
        } catch (RuntimeException e) {
            running.remove(id);
            operations.forget(id);
            throw e;
        }
        try {
            threads.execute(() -> run(id, profileId, command, result));
        } catch (RuntimeException e) {
            operations.done(id, null, "failed: the node is stopping");
            operations.unlock(profileId, id);
            running.remove(id);
            throw e;
        }
        Duration waited = wait == null || wait.compareTo(settings.answerWithin()) > 0 ? settings.answerWithin() : wait;
        if (!waited.isZero() && !waited.isNegative()) {
            try {
                return new Finished(result.get(waited.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException stillRunning) {
                // answered 202 below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
        }
        return new Accepted(view(id).orElseThrow());
    }

    /** The operation as it stands; a running one whose node is gone (or no longer runs it) shows interrupted. */
    Optional<IdentityOperationView> view(String id) {
        Optional<IdentityOperationLog.Stored> stored = operations.find(id);
        if (stored.isEmpty() || !stored.get().view().isRunning() || !orphaned(id, stored.get().node())) {
            return stored.map(IdentityOperationLog.Stored::view);
        }
        interrupt(id, stored.get().view().profileId());
        return operations.find(id).map(IdentityOperationLog.Stored::view);
    }

    private boolean orphaned(String id, String node) {
        return nodes.self().value().equals(node) ? !running.containsKey(id) : !nodes.live().contains(node);
    }

    private void interrupt(String id, String profileId) {
        if (operations.interrupted(id, NODE_STOPPED)) {
            log.warn("Identity operation {} on profile {} was interrupted: {}", id, profileId, NODE_STOPPED);
        }
        operations.unlock(profileId, id);
    }

    /**
     * Takes the profile, or throws with the operation that runs on it; a lock left by a finished one is taken over.
     * An operation is stored before it takes its lock, so a lock without its operation running is stale.
     */
    private void claim(String profileId, String id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> holder = operations.lock(profileId, id);
            if (holder.isEmpty()) {
                return;
            }
            Optional<IdentityOperationView> held = view(holder.get());
            if (held.isPresent() && held.get().isRunning()) {
                throw new ProfileBusy(held.get());
            }
            operations.unlock(profileId, holder.get());
        }
        throw new IllegalStateException("could not take profile " + profileId + " for an identity operation");
    }

    private void run(String id, String profileId, Object command,
                     CompletableFuture<IdentityOperationOutcome> result) {
        IdentityOperationOutcome outcome = null;
        Throwable failure = null;
        try {
            outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(IdentityProgress.OPERATION_ID, id)));
            operations.done(id, outcome, NOT_MERGED.equals(outcome.outcome())
                    ? "no merge directly into " + outcome.profileId() + " brought that" : null);
        } catch (RuntimeException | Error e) {
            failure = e;
            log.warn("Identity operation {} on profile {} failed", id, profileId, e);
            operations.done(id, null, "failed: " + rootCause(e));
        } finally {
            operations.unlock(profileId, id);
            running.remove(id);
        }
        if (failure == null) {
            result.complete(outcome);
        } else {
            result.completeExceptionally(failure);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void start() {
        accepting = true;
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    /** Lets running operations finish for a while, before Axon stops; those that do not are left interrupted. */
    @Override
    public void stop() {
        accepting = false;
        if (!threads.stop(settings.shutdownWait())) {
            running.forEach((id, result) -> operations.find(id)
                    .ifPresent(stored -> interrupt(id, stored.view().profileId())));
        }
    }

    /** Below the web server's phases (it stops after the server), above Axon's (it stops before Axon). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
