package io.tributary.app.projection;

/**
 * @param status   live or rebuilding
 * @param position the global position of the last event handled, when the store tells it
 * @param progress 0..1 while rebuilding, 1 when live
 */
public record ProjectionStatus(String name, String status, Long position, double progress) {
}
