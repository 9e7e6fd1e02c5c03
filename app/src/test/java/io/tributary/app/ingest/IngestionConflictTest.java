package io.tributary.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tributary.api.ingestion.Rejection;
import io.tributary.app.cluster.ConflictRetry;
import io.tributary.app.config.MongoEndpoint;
import io.tributary.app.config.TributaryProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Another node wrote the same profile or claim meanwhile: the batch is decided again, a real failure is not. */
class IngestionConflictTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final IngestionQueue queue = new IngestionQueue(gateway, mock(MongoEndpoint.class),
            new TributaryProperties(null, null, null, null, null, null, null,
                    new TributaryProperties.Intake(10, Duration.ofSeconds(10), null, 100), null));

    @AfterEach
    void stop() {
        if (queue.isRunning()) {
            queue.stop();
        }
    }

    @Test
    void decidesTheBatchAgainAfterAnotherNodesConflictingWrite() {
        when(gateway.sendAndWait(any()))
                .thenThrow(new ConcurrencyException("an event for aggregate p-1 at sequence 6 was already inserted"))
                .thenThrow(new IllegalStateException("wrapped", new ConcurrencyException("aliases claimed meanwhile")))
                .thenReturn(List.of());
        queue.start();

        queue.submit(List.of(), List.of(rejection()));

        verify(gateway, times(3)).sendAndWait(any());
    }

    @Test
    void refusesToRetryAFailureThatIsNoConflict() {
        when(gateway.sendAndWait(any())).thenThrow(new IllegalStateException("the store is gone"));
        queue.start();

        assertThatThrownBy(() -> queue.submit(List.of(), List.of(rejection()))).isInstanceOf(IntakeUnavailable.class)
                .rootCause().hasMessage("the store is gone");
        verify(gateway, times(1)).sendAndWait(any());
    }

    @Test
    void givesUpAfterTheLastConflictingAttempt() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("always taken"));
        queue.start();

        assertThatThrownBy(() -> queue.submit(List.of(), List.of(rejection()))).isInstanceOf(IntakeUnavailable.class)
                .rootCause().hasMessage("always taken");
        verify(gateway, times(ConflictRetry.ATTEMPTS)).sendAndWait(any());
    }

    @Test
    void tellsAConflictFromOtherFailures() {
        assertThat(ConflictRetry.isConflict(new RuntimeException(new ConcurrencyException("x")))).isTrue();
        assertThat(ConflictRetry.isConflict(new RuntimeException("x"))).isFalse();
    }

    private static Rejection rejection() {
        return new Rejection("r-1", "source", Instant.now(), "{}", null, null, List.of());
    }
}
