package io.tributary.app.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How nodes sharing one MongoDB find each other and share the processors' segments (see docs/scale-out.md).
 *
 * @param heartbeat   how often a node says it is alive and rebalances its segments
 * @param nodeTimeout a node silent this long counts as gone; its segments go to the others once its claims expire
 * @param releaseFor  how long a node leaves alone a segment it handed to the node placed on it
 * @param cacheTtl    the longest a node serves a cached source, token or credential after another node changed it
 */
@ConfigurationProperties("tributary.cluster")
public record ClusterProperties(Duration heartbeat, Duration nodeTimeout, Duration releaseFor, Duration cacheTtl) {

    public ClusterProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(2) : heartbeat;
        nodeTimeout = nodeTimeout == null ? Duration.ofSeconds(10) : nodeTimeout;
        releaseFor = releaseFor == null ? Duration.ofSeconds(15) : releaseFor;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(5) : cacheTtl;
    }
}
