package io.tributary.app.projection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The rebuildable read models: every streaming processor but the sagas'. */
@Component
public class Projections {

    public static final List<String> READ_MODELS = List.of("event-log", "profiles", "profile-history", "sessions", "sources",
            "attribution-conversions", "attribution-traffic", "attribution-spend", "attribution-rollups", "data-quality",
            "marketing-sources", "marketing-metrics", "identity-magnets");

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    /** Long enough for the carrier's next attempt (one heartbeat) to find the segments free. */
    private static final Duration RELEASE_FOR_REBUILD = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final SegmentClaims claims;
    private final RebuildRequests rebuilds;
    /** Rebuilt processors that have not claimed their segment again yet: they must not look live. */
    private final Set<String> awaitingClaim = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> rebuildLocks = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, SegmentClaims claims, RebuildRequests rebuilds) {
        this.processing = processing;
        this.claims = claims;
        this.rebuilds = rebuilds;
    }

    public List<String> names() {
        return READ_MODELS;
    }

    public List<ProjectionStatus> statuses() {
        return READ_MODELS.stream().map(this::status).toList();
    }

    /**
     * Asks for a rebuild of every segment of the read model, carried out by one node (this one at once, unless another
     * node already carries out a pending request for it); the others see the request in {@code projection_rebuilds}.
     */
    public ProjectionStatus rebuild(String name) {
        processor(name);
        rebuilds.request(name);
        awaitingClaim.add(name);
        carryOutIfMine(name);
        return status(name);
    }

    /**
     * Every node runs this on its heartbeat: it carries out the requested rebuilds it may take, and releases its
     * segments of those another node carries out, so that the carrier can claim and reset all of them.
     */
    public void carryOutRequestedRebuilds() {
        for (String name : rebuilds.pending()) {
            if (READ_MODELS.contains(name)) {
                carryOutIfMine(name);
            }
        }
    }

    /**
     * One rebuild of a read model at a time on this node: the heartbeat's retry of a pending request must not shut a
     * processor down while a caller's rebuild of it restarts it (Axon refuses to start a processor that is shutting
     * down). Across nodes, the request's carrier ({@link RebuildRequests#take}) is the only node that resets, and it
     * resets every segment at once: Axon's reset claims all of them before it writes any replay token, so it either
     * resets them all or none (another node still holds one), and then this node tries again at its next heartbeat.
     */
    private void carryOutIfMine(String name) {
        synchronized (rebuildLocks.computeIfAbsent(name, n -> new Object())) {
            takeAndCarryOut(name);
        }
    }

    private void takeAndCarryOut(String name) {
        StreamingEventProcessor processor = processor(name);
        Optional<String> request = rebuilds.take(name);
        if (request.isEmpty()) {
            if (rebuilds.carriedElsewhere(name)) {
                releaseHeldSegments(processor);
            }
            return;
        }
        processor.shutDown();
        try {
            if (claims.of(name).stream().anyMatch(claim -> claim.owner() != null
                    && !claim.owner().equals(rebuilds.nodeId()))) {
                log.info("Rebuild of {} waits for other nodes to release their segments", name);
                return;
            }
            processor.resetTokens();
            rebuilds.done(name, request.get());
            awaitingClaim.add(name);
        } catch (UnableToClaimTokenException heldElsewhere) {
            log.info("A segment of {} is still held by another node; its rebuild is tried again", name);
        } finally {
            processor.start();
        }
    }

    private static void releaseHeldSegments(StreamingEventProcessor processor) {
        for (Integer segment : processor.processingStatus().keySet()) {
            processor.releaseSegment(segment, RELEASE_FOR_REBUILD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * From this node's processor for the segments it holds, and from the stored tokens for the segments other nodes
     * hold: a read model is live when all its segments are.
     */
    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<SegmentClaims.Claim> cluster = claims.of(name);
        List<ProjectionStatus.SegmentView> views = cluster.stream()
                .map(claim -> new ProjectionStatus.SegmentView(claim.segment(), claim.owner(), claim.position()))
                .toList();
        long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        boolean requested = rebuilds.isPending(name);
        if (segments.isEmpty() && cluster.stream().anyMatch(claim -> claim.owner() != null)) {
            return statusHeldElsewhere(name, cluster, requested, deadLetters, views);
        }
        if (!segments.isEmpty() && !requested) {
            awaitingClaim.remove(name);
        }
        List<SegmentClaims.Claim> heldElsewhere = cluster.stream()
                .filter(claim -> claim.owner() != null && !segments.containsKey(claim.segment())).toList();
        boolean replaying = requested
                || segments.isEmpty() && (processor.isReplaying() || awaitingClaim.contains(name))
                || segments.values().stream().anyMatch(Projections::stillReplaying)
                || heldElsewhere.stream().anyMatch(SegmentClaims.Claim::replaying);
        Long position = Stream.concat(segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong),
                heldElsewhere.stream().map(SegmentClaims.Claim::position).filter(Objects::nonNull))
                .min(Long::compare).orElse(null);
        double progress = replaying ? DoubleStream.concat(segments.values().stream().mapToDouble(Projections::progress),
                heldElsewhere.stream().mapToDouble(Projections::progress)).min().orElse(0) : 1;
        return new ProjectionStatus(name, replaying ? "rebuilding" : "live", position, progress, deadLetters, views);
    }

    /** Another node holds the segments: its stored tokens tell where it is. */
    private static ProjectionStatus statusHeldElsewhere(String name, List<SegmentClaims.Claim> cluster,
                                                        boolean requested, long deadLetters,
                                                        List<ProjectionStatus.SegmentView> views) {
        boolean replaying = requested || cluster.stream().anyMatch(SegmentClaims.Claim::replaying);
        Long position = cluster.stream().map(SegmentClaims.Claim::position).filter(p -> p != null)
                .min(Long::compare).orElse(null);
        double progress = replaying ? cluster.stream().mapToDouble(Projections::progress).min().orElse(0) : 1;
        return new ProjectionStatus(name, replaying ? "rebuilding" : "live", position, progress, deadLetters, views);
    }

    private static double progress(SegmentClaims.Claim claim) {
        if (!claim.replaying()) {
            return 1;
        }
        if (claim.position() == null || claim.resetPosition() <= 0) {
            return 0;
        }
        return Math.min(1, (double) claim.position() / claim.resetPosition());
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
