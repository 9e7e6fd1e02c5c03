package io.tributary.app.cluster;

import java.lang.management.ManagementFactory;

/** This node's name in the token store and in {@code cluster_nodes}: {@code tributary.node-id}, else pid@hostname. */
public record NodeId(String value) {

    public static NodeId of(String configured) {
        return new NodeId(configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : configured);
    }

    @Override
    public String toString() {
        return value;
    }
}
