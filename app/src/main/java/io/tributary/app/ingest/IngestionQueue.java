package io.tributary.app.ingest;

import io.tributary.api.ingestion.IngestTrackedEvents;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.Rejection;
import io.tributary.app.cluster.ConflictRetry;
import io.tributary.app.config.MongoEndpoint;
import io.tributary.app.config.TributaryProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The single writer of intake. Requests queue their tracked events; one thread decides as many as are waiting
 * (up to {@code tributary.intake.max-batch}) in one unit of work, makes them durable, then answers every
 * request. Group commit keeps throughput up, and one writer per node keeps stitching free of lock contention.
 * <p>
 * <b>Bounded.</b> At most {@code tributary.intake.queue-capacity} events wait; a request that does not fit is
 * refused at once ({@link IntakeOverloaded}, 503). A request that is not taken by the writer within the ack timeout
 * is withdrawn, so what was answered "not stored" is never stored later; one the writer already took waits for its
 * real outcome. <b>Lifecycle:</b> it starts before the web server and stops after it has drained its requests,
 * storing everything still queued, and before Axon and the store close.
 */
@Component
public class IngestionQueue implements SmartLifecycle {

    /** Below the web server's phases (it stops after the server), above Axon's (it stops before Axon). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(IngestionQueue.class);
    /** How often a batch is decided again after another node's write conflicted with it. */

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Events of the requests in {@link #queue}, withdrawn ones included until the writer skips them. */
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final CommandGateway commandGateway;
    private final MongoEndpoint store;
    private final TributaryProperties.Intake settings;
    private volatile Thread writer;
    private volatile boolean running;

    public IngestionQueue(CommandGateway commandGateway, MongoEndpoint store, TributaryProperties properties) {
        this.commandGateway = commandGateway;
        this.store = store;
        this.settings = properties.intake();
    }

    /** Answers once the decisions are durably stored. */
    public List<IngestionOutcome> submit(List<Intake> intakes, List<Rejection> rejections) {
        if (intakes.isEmpty() && rejections.isEmpty()) {
            return List.of();
        }
        if (!running) {
            throw new IntakeUnavailable("the intake is stopping", null);
        }
        Pending pending = new Pending(intakes, rejections, new CompletableFuture<>(), new AtomicInteger());
        if (!reserve(pending.size())) {
            throw new IntakeOverloaded(settings.queueCapacity());
        }
        queue.add(pending);
        if (!running && pending.withdraw()) {
            throw new IntakeUnavailable("the intake is stopping", null);
        }
        return await(pending);
    }

    /** The queue has no room left: a request may be refused before its body is even read. */
    public boolean isFull() {
        return queuedEvents.get() >= settings.queueCapacity();
    }

    public int capacity() {
        return settings.queueCapacity();
    }

    /** How many events wait to be taken by the writer. */
    public int queuedEvents() {
        return queuedEvents.get();
    }

    private boolean reserve(int size) {
        while (true) {
            int queued = queuedEvents.get();
            if (queued > 0 && queued + size > settings.queueCapacity()) {
                return false;
            }
            if (queuedEvents.compareAndSet(queued, queued + size)) {
                return true;
            }
        }
    }

    private List<IngestionOutcome> await(Pending pending) {
        try {
            return pending.result().get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withdrawOrAwaitOutcome(pending, "interrupted while storing", e);
        } catch (TimeoutException e) {
            return withdrawOrAwaitOutcome(pending, "could not store the events in time", e);
        } catch (ExecutionException e) {
            throw new IntakeUnavailable("could not store the events", e.getCause());
        }
    }

    /** "Not stored" only when it is true: a request the writer has taken is answered with its real outcome. */
    private static List<IngestionOutcome> withdrawOrAwaitOutcome(Pending pending, String reason, Exception cause) {
        if (pending.withdraw()) {
            throw new IntakeUnavailable(reason, cause);
        }
        try {
            return pending.result().join();
        } catch (CompletionException e) {
            throw new IntakeUnavailable("could not store the events", e.getCause());
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = take(queue.poll(200, TimeUnit.MILLISECONDS));
                if (first != null) {
                    decide(drainAfter(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failWaiting();
                return;
            }
        }
        failWaiting();
    }

    /** The writer's side of a polled request: frees its room, and skips it when it was withdrawn. */
    private Pending take(Pending polled) {
        if (polled == null) {
            return null;
        }
        queuedEvents.addAndGet(-polled.size());
        return polled.take() ? polled : null;
    }

    private List<Pending> drainAfter(Pending first) {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        int size = first.size();
        Pending next;
        while (size < settings.maxBatch() && (next = queue.peek()) != null && size + next.size() <= settings.maxBatch()) {
            Pending taken = take(queue.poll());
            if (taken != null) {
                batch.add(taken);
                size += taken.size();
            }
        }
        return batch;
    }

    private void decide(List<Pending> batch) {
        try {
            List<IngestionOutcome> outcomes = store(batch.stream().flatMap(p -> p.intakes().stream()).toList(),
                    batch.stream().flatMap(p -> p.rejections().stream()).toList());
            int offset = 0;
            for (Pending pending : batch) {
                pending.result().complete(outcomes.subList(offset, offset + pending.intakes().size()));
                offset += pending.intakes().size();
            }
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                log.error("Intake failed for a request of {} events", batch.get(0).size(), batchFailure);
                batch.get(0).result().completeExceptionally(batchFailure);
                return;
            }
            batch.forEach(pending -> decide(List.of(pending)));
        } catch (Error fatal) {
            batch.forEach(pending -> pending.result().completeExceptionally(fatal));
            throw fatal;
        }
    }

    private void failWaiting() {
        Pending left;
        while ((left = take(queue.poll())) != null || !queue.isEmpty()) {
            if (left != null) {
                left.result().completeExceptionally(new IntakeUnavailable("the intake stopped", null));
            }
        }
    }

    /** Decides the batch, again from a fresh load when another node wrote one of its profiles or claims meanwhile. */
    private List<IngestionOutcome> store(List<Intake> intakes, List<Rejection> rejections) {
        return ConflictRetry.retrying("deciding the batch", () -> {
            List<IngestionOutcome> outcomes = commandGateway.sendAndWait(new IngestTrackedEvents(intakes, rejections));
            store.flush();
            return outcomes;
        });
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::run, "tributary-intake");
        writer.start();
    }

    /** Stores what is still queued, then ends the writer. */
    @Override
    public void stop() {
        running = false;
        try {
            writer.join(settings.ackTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** {@code state}: 0 waiting, 1 taken by the writer, 2 withdrawn by its request. */
    private record Pending(List<Intake> intakes, List<Rejection> rejections,
                           CompletableFuture<List<IngestionOutcome>> result, AtomicInteger state) {
        int size() {
            return intakes.size() + rejections.size();
        }

        boolean take() {
            return state.compareAndSet(0, 1);
        }

        boolean withdraw() {
            return state.compareAndSet(0, 2);
        }
    }
}
