package io.tributary.api.rules;

/**
 * Where a replay put a tracked event.
 *
 * @param personId      the person it was stitched to at that moment
 * @param sessionId     its session, or null for a server event outside any session
 * @param startsSession it started {@code sessionId}
 */
public record ReplayPlacement(String personId, String sessionId, boolean startsSession) {
}
