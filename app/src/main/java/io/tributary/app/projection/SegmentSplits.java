package io.tributary.app.projection;

import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store whose read models have fewer segments than configured up to the count: Axon's
 * {@code initialSegmentCount} applies only to a processor without tokens, so a store written by a one-segment version
 * (or with a smaller {@code tributary.processing.segments}) keeps its tokens, and the node holding the widest segment
 * splits it in two ({@link StreamingEventProcessor#splitSegment}), one split per read model per heartbeat, until the
 * count is reached. Both halves continue from the split segment's token, so nothing is handled twice or skipped.
 * Fewer segments than stored are left as they are (merging is not automated: a rebuild does not merge either).
 */
public class SegmentSplits {

    private static final Logger log = LoggerFactory.getLogger(SegmentSplits.class);

    private final EventProcessingConfiguration processing;
    private final SegmentClaims claims;
    private final ToIntFunction<String> targets;

    /** @param targets how many segments each read model should have */
    public SegmentSplits(EventProcessingConfiguration processing, SegmentClaims claims, ToIntFunction<String> targets) {
        this.processing = processing;
        this.claims = claims;
        this.targets = targets;
    }

    /** Splits one held segment of each read model that has fewer than its target; answers how many it split. */
    public int splitWhereShort() {
        int split = 0;
        for (String name : ReadModelSequencing.SPLITTABLE) {
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
            if (processor.isEmpty() || !processor.get().isRunning()) {
                continue;
            }
            int stored = claims.of(name).size();
            if (stored == 0 || stored >= targets.applyAsInt(name)) {
                continue;
            }
            Optional<Segment> widest = processor.get().processingStatus().values().stream()
                    .filter(status -> !status.isErrorState()).map(EventTrackerStatus::getSegment)
                    .min(Comparator.comparingInt(Segment::getMask));
            if (widest.isPresent() && split(name, processor.get(), widest.get())) {
                split++;
            }
        }
        return split;
    }

    private static boolean split(String name, StreamingEventProcessor processor, Segment segment) {
        log.info("Splitting segment {} of {} towards its configured segment count", segment.getSegmentId(), name);
        try {
            return Boolean.TRUE.equals(processor.splitSegment(segment.getSegmentId()).get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Splitting segment {} of {} failed; trying again at the next heartbeat", segment.getSegmentId(),
                    name, e);
            return false;
        }
    }
}
