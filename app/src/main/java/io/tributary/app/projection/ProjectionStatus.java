package io.tributary.app.projection;

import java.util.List;

/**
 * @param status   live or rebuilding
 * @param position the global position of the last event handled, when the store tells it
 * @param progress 0..1 while rebuilding, 1 when live
 * @param deadLetters how many events this read model set aside (see /api/dead-letters)
 * @param segments which node holds each segment of its processor, from the token store
 */
public record ProjectionStatus(String name, String status, Long position, double progress, long deadLetters,
                               List<SegmentView> segments) {

    public ProjectionStatus(String name, String status, Long position, double progress, long deadLetters) {
        this(name, status, position, progress, deadLetters, List.of());
    }

    /** @param owner the node id holding the segment's claim, or null when no node holds it right now */
    public record SegmentView(int segment, String owner, Long position) {
    }
}
