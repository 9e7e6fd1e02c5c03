package io.tributary.api.session;

public sealed interface SessionCommand permits StartSession, MoveSession, ReclassifySession {
    String sessionId();
}
