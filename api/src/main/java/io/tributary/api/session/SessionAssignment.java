package io.tributary.api.session;

/** The profile's answer to a recorded event: its session (null if none), and whether it starts it. */
public record SessionAssignment(String sessionId, boolean started, boolean stitched) {
}
