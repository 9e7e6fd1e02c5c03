package io.tributary.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tributary.api.ingestion.IngestTrackedEvents;
import io.tributary.api.ingestion.Rejection;
import io.tributary.app.config.MongoEndpoint;
import io.tributary.app.config.TributaryProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The intake queue's bounds: full means refused at once; "not stored" means never stored. */
class IngestionQueueTest {

    private final CountDownLatch writerBlocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private IngestionQueue queue;

    /** A queue whose writer stalls on the first request it stores, until {@link #release}. */
    private IngestionQueue queue(int capacity, Duration ackTimeout) {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            IngestTrackedEvents command = call.getArgument(0);
            writerBlocked.countDown();
            release.await(10, TimeUnit.SECONDS);
            command.rejections().forEach(rejection -> stored.add(rejection.recordId()));
            return List.of();
        });
        queue = new IngestionQueue(gateway, mock(MongoEndpoint.class), new TributaryProperties(null, null, null, null,
                null, null, null, new TributaryProperties.Intake(1, ackTimeout, null, capacity), null));
        queue.start();
        return queue;
    }

    @AfterEach
    void stop() {
        release.countDown();
        queue.stop();
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFull() throws Exception {
        queue(2, Duration.ofSeconds(10));
        CompletableFuture<?> first = submitAsync("taken");
        assertThat(writerBlocked.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<?> waiting = submitAsync("waiting-1");
        CompletableFuture<?> alsoWaiting = submitAsync("waiting-2");
        awaitQueued(2);

        long started = System.nanoTime();
        assertThatThrownBy(() -> queue.submit(List.of(), List.of(rejection("refused")))).isInstanceOf(IntakeOverloaded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        waiting.get(5, TimeUnit.SECONDS);
        alsoWaiting.get(5, TimeUnit.SECONDS);
        assertThat(stored).containsExactlyInAnyOrder("taken", "waiting-1", "waiting-2");
    }

    @Test
    void neverStoresARequestAnsweredNotStored() throws Exception {
        queue(100, Duration.ofMillis(300));
        CompletableFuture<?> first = submitAsync("taken");
        assertThat(writerBlocked.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> queue.submit(List.of(), List.of(rejection("timed-out"))))
                .isInstanceOf(IntakeUnavailable.class).isNotInstanceOf(IntakeOverloaded.class);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        queue.submit(List.of(), List.of(rejection("later")));

        assertThat(stored).containsExactly("taken", "later");
        assertThat(queue.queuedEvents()).isZero();
    }

    @Test
    void answersATakenRequestWithItsRealOutcomeEvenAfterTheTimeout() throws Exception {
        queue(100, Duration.ofMillis(200));
        CompletableFuture<?> taken = submitAsync("taken");
        assertThat(writerBlocked.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(400);
        assertThat(taken).as("still waiting for the writer, past the timeout").isNotDone();

        release.countDown();

        taken.get(5, TimeUnit.SECONDS);
        assertThat(stored).containsExactly("taken");
    }

    @Test
    void storesWhatIsQueuedBeforeItStops() throws Exception {
        queue(100, Duration.ofSeconds(10));
        CompletableFuture<?> first = submitAsync("taken");
        assertThat(writerBlocked.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<?> queued = submitAsync("queued");
        awaitQueued(1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(queue::stop);
        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);

        first.get(1, TimeUnit.SECONDS);
        queued.get(1, TimeUnit.SECONDS);
        assertThat(stored).containsExactly("taken", "queued");
        assertThatThrownBy(() -> queue.submit(List.of(), List.of(rejection("after"))))
                .isInstanceOf(IntakeUnavailable.class);
    }

    private CompletableFuture<?> submitAsync(String id) {
        return CompletableFuture.supplyAsync(() -> queue.submit(List.of(), List.of(rejection(id))));
    }

    private void awaitQueued(int events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (queue.queuedEvents() < events && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(queue.queuedEvents()).isEqualTo(events);
    }

    private static Rejection rejection(String id) {
        return new Rejection(id, "source", Instant.now(), "{}", null, null, List.of());
    }
}
