package io.tributary.api.session;

public record SessionMoved(String sessionId, String fromProfileId, String toProfileId, String mergeRecordId) {
}
