package io.tributary.app.projection;

/**
 * @param status   live or rebuilding
 * @param position the global position of the last event handled, when the store tells it
 * @param progress 0..1 while rebuilding, 1 when live
 * @param deadLetters how many events this read model set aside (see /api/dead-letters)
 */
public record ProjectionStatus(String name, String status, Long position, double progress, long deadLetters) {
}
