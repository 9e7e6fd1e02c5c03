package io.tributary.api.session;

public record FindProfileSessions(String profileId) {
}
