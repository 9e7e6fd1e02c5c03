package io.tributary.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A rebuild asked for by an erasure's scrub while the heartbeat carries out the same pending request, or two asked
 * at once: each read model ends running and live, and no caller sees an error.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class RebuildsAskedAtOnceTest {

    private static final List<String> READ_MODELS = List.of("sources", "event-log", "data-quality");

    @Autowired
    Projections projections;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void leavesEveryReadModelRunningAndLiveWhenRebuildsAndHeartbeatsOverlap() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String name : READ_MODELS) {
                    calls.add(callers.submit((Callable<ProjectionStatus>) () -> projections.rebuild(name)));
                    calls.add(callers.submit((Callable<ProjectionStatus>) () -> projections.rebuild(name)));
                    calls.add(callers.submit(() -> projections.carryOutRequestedRebuilds()));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String name : READ_MODELS) {
                assertThat(processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow().isRunning())
                        .as(name + " runs").isTrue();
                assertThat(projections.status(name).status()).as(name).isEqualTo("live");
            }
        });
    }
}
