package io.tributary.app.ingest;

import io.tributary.api.ingestion.IngestTrackedEvents;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.Rejection;
import io.tributary.app.config.MongoEndpoint;
import io.tributary.app.config.TributaryProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The single writer of intake. Requests queue their tracked events; one thread decides as many as are waiting
 * (up to {@code tributary.intake.max-batch}) in one unit of work, makes them durable, then answers every
 * request. Group commit keeps throughput up, and one writer per node keeps stitching free of lock contention.
 */
@Component
public class IngestionQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestionQueue.class);

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
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
        Pending pending = new Pending(intakes, rejections, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailable("interrupted while storing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IntakeUnavailable("could not store the events", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    decide(drainAfter(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Pending> drainAfter(Pending first) {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        int size = first.size();
        Pending next;
        while (size < settings.maxBatch() && (next = queue.peek()) != null && size + next.size() <= settings.maxBatch()) {
            batch.add(queue.poll());
            size += next.size();
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
        }
    }

    private List<IngestionOutcome> store(List<Intake> intakes, List<Rejection> rejections) {
        List<IngestionOutcome> outcomes = commandGateway.sendAndWait(new IngestTrackedEvents(intakes, rejections));
        store.flush();
        return outcomes;
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::run, "tributary-intake");
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(List<Intake> intakes, List<Rejection> rejections,
                           CompletableFuture<List<IngestionOutcome>> result) {
        int size() {
            return intakes.size() + rejections.size();
        }
    }
}
