package io.tributary.app.cluster;

import io.tributary.app.projection.Projections;
import io.tributary.app.projection.SegmentSplits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This node's part in the cluster, on every heartbeat: say it is alive, hand each segment it holds but is not placed on
 * ({@link SegmentPlacement}) to the node that is, carry out the rebuilds asked for on any node, and split read models
 * that have fewer segments than configured ({@link SegmentSplits}). A node that leaves
 * cleanly releases its claims (Axon does, on shutdown); one killed loses them when they time out.
 */
public class ClusterMember implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterMember.class);

    private final ClusterNodes nodes;
    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final SegmentSplits splits;
    private final ClusterProperties settings;
    /** Segments handed over lately ("processor#segment" → when), not handed again while their work package stops. */
    private final Map<String, Long> handedAt = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public ClusterMember(ClusterNodes nodes, EventProcessingConfiguration processing, Projections projections,
                         SegmentSplits splits, ClusterProperties settings) {
        this.nodes = nodes;
        this.processing = processing;
        this.projections = projections;
        this.splits = splits;
        this.settings = settings;
    }

    /** One heartbeat: answers how many segments this node handed over. */
    public int beat() {
        nodes.heartbeat();
        List<String> live = nodes.live();
        int released = 0;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor && processor.isRunning()) {
                released += handOver(entry.getKey(), processor, live);
            }
        }
        projections.carryOutRequestedRebuilds();
        splits.splitWhereShort();
        return released;
    }

    private int handOver(String name, StreamingEventProcessor processor, List<String> live) {
        int released = 0;
        long now = System.nanoTime();
        for (Integer segment : processor.processingStatus().keySet()) {
            String owner = SegmentPlacement.ownerOf(name, segment, live);
            Long handed = handedAt.get(name + "#" + segment);
            if (handed != null && now - handed < settings.releaseFor().toNanos()) {
                continue;
            }
            if (!owner.equals(nodes.self().value())) {
                handedAt.put(name + "#" + segment, now);
                log.info("Handing segment {} of {} to node {}", segment, name, owner);
                processor.releaseSegment(segment, settings.releaseFor().toMillis(), TimeUnit.MILLISECONDS);
                released++;
            }
        }
        return released;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Cluster heartbeat failed; trying again at the next one", e);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tributary-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        nodes.heartbeat();
        long every = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            nodes.leave();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
