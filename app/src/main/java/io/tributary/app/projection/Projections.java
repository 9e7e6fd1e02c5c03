package io.tributary.app.projection;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** The rebuildable read models: every streaming processor but the sagas'. */
@Component
public class Projections {

    public static final List<String> READ_MODELS = List.of("event-log", "profiles", "profile-history", "sessions", "sources",
            "attribution-conversions", "attribution-traffic", "attribution-spend", "attribution-rollups", "data-quality",
            "marketing-sources", "marketing-metrics");

    private final EventProcessingConfiguration processing;
    /** Rebuilt processors that have not claimed their segment again yet: they must not look live. */
    private final Set<String> awaitingClaim = ConcurrentHashMap.newKeySet();

    Projections(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<String> names() {
        return READ_MODELS;
    }

    public List<ProjectionStatus> statuses() {
        return READ_MODELS.stream().map(this::status).toList();
    }

    public ProjectionStatus rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        awaitingClaim.add(name);
        processor.start();
        return status(name);
    }

    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (!segments.isEmpty()) {
            awaitingClaim.remove(name);
        }
        boolean replaying = segments.isEmpty() && (processor.isReplaying() || awaitingClaim.contains(name))
                || segments.values().stream().anyMatch(Projections::stillReplaying);
        Long position = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).min(Long::compare).orElse(null);
        double progress = replaying ? segments.values().stream().mapToDouble(Projections::progress).min().orElse(0) : 1;
        long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        return new ProjectionStatus(name, replaying ? "rebuilding" : "live", position, progress, deadLetters);
    }

    /**
     * Axon keeps a replay token until an event beyond the reset point arrives; a segment that has handled everything
     * up to that point is rebuilt, even if no newer event came yet.
     */
    private static boolean stillReplaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong current = status.getCurrentPosition();
        OptionalLong reset = status.getResetPosition();
        return current.isEmpty() || reset.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private static double progress(EventTrackerStatus status) {
        OptionalLong current = status.getCurrentPosition();
        OptionalLong reset = status.getResetPosition();
        if (!stillReplaying(status)) {
            return 1;
        }
        if (current.isEmpty() || reset.isEmpty() || reset.getAsLong() <= 0) {
            return 0;
        }
        return Math.min(1, (double) current.getAsLong() / reset.getAsLong());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }
}
