package io.tributary.app.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;

/**
 * Which live node should hold a processor's segment: rendezvous hashing, so every node computes the same answer from
 * the same list of live nodes, and a node leaving moves only its own segments.
 */
public final class SegmentPlacement {

    private SegmentPlacement() {
    }

    public static String ownerOf(String processor, int segment, Collection<String> liveNodes) {
        String key = processor + "#" + segment;
        return liveNodes.stream().max(Comparator.comparingLong((String node) -> weight(node, key))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    private static long weight(String node, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((node + "\n" + key).getBytes(StandardCharsets.UTF_8));
            long weight = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                weight = weight << 8 | (digest[i] & 0xff);
            }
            return weight;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
