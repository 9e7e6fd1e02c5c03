package io.tributary.app.cluster;

import com.mongodb.client.MongoDatabase;
import io.tributary.app.projection.Projections;
import io.tributary.app.projection.RebuildRequests;
import io.tributary.app.projection.SegmentClaims;
import io.tributary.app.projection.SegmentSplits;
import io.tributary.app.projection.ProcessingProperties;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Several nodes on one MongoDB: node identity, heartbeats, segment placement, leases (docs/scale-out.md). */
@Configuration
public class ClusterConfig {

    /** Axon's default: a claim not extended for this long may be taken by another node. */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    NodeId nodeId(@Value("${tributary.node-id:}") String configured) {
        return NodeId.of(configured);
    }

    @Bean
    ClusterNodes clusterNodes(MongoDatabase database, NodeId nodeId, ClusterProperties properties) {
        return new ClusterNodes(database, nodeId, properties.nodeTimeout(), Clock.systemUTC());
    }

    @Bean
    ScheduleLease scheduleLease(MongoDatabase database, NodeId nodeId) {
        return new ScheduleLease(database, nodeId, Clock.systemUTC());
    }

    @Bean
    SegmentClaims segmentClaims(MongoTemplate template, Serializer serializer) {
        return new SegmentClaims(template.trackingTokensCollection(), serializer, CLAIM_TIMEOUT,
                Clock.systemUTC());
    }

    @Bean
    RebuildRequests rebuildRequests(MongoDatabase database, NodeId nodeId, ClusterProperties properties) {
        return new RebuildRequests(database, nodeId.value(), properties.nodeTimeout(), Clock.systemUTC());
    }

    @Bean
    SegmentSplits segmentSplits(EventProcessingConfiguration processing, SegmentClaims claims,
                                ProcessingProperties properties) {
        return new SegmentSplits(processing, claims, properties::segmentsOf);
    }

    @Bean
    ClusterMember clusterMember(ClusterNodes nodes, EventProcessingConfiguration processing, Projections projections,
                                SegmentSplits splits, ClusterProperties properties) {
        return new ClusterMember(nodes, processing, projections, splits, properties);
    }
}
