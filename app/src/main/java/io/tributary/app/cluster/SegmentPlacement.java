package io.tributary.app.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * Which live node should hold a processor's segment: rendezvous hashing, so every node computes the same answer from
 * the same list of live nodes, and a node leaving moves only its own segments (and, within a processor of several
 * segments, those the spreading below shifts). The segments of one processor go to different nodes while there are
 * nodes left: segment {@code s} takes the node of highest weight for {@code processor#s} among the nodes that segments
 * {@code 0..s-1} did not take (all nodes again once each has one), so a read model's segments run in parallel.
 */
public final class SegmentPlacement {

    private SegmentPlacement() {
    }

    public static String ownerOf(String processor, int segment, Collection<String> liveNodes) {
        Set<String> taken = new HashSet<>();
        String owner = null;
        for (int earlier = 0; earlier <= segment; earlier++) {
            if (taken.size() >= liveNodes.size()) {
                taken.clear();
            }
            String key = processor + "#" + earlier;
            owner = liveNodes.stream().filter(node -> !taken.contains(node))
                    .max(Comparator.comparingLong((String node) -> weight(node, key))
                            .thenComparing(Comparator.naturalOrder())).orElseThrow();
            taken.add(owner);
        }
        return owner;
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
