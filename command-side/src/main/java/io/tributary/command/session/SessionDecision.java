package io.tributary.command.session;

/** Which session an event belongs to: a new one, an existing one ({@code sessionId}), or none. */
public record SessionDecision(boolean startsSession, String sessionId, boolean stitched) {

    static SessionDecision start() {
        return new SessionDecision(true, null, true);
    }

    static SessionDecision join(String sessionId, boolean stitched) {
        return new SessionDecision(false, sessionId, stitched);
    }

    static SessionDecision none(boolean stitched) {
        return new SessionDecision(false, null, stitched);
    }
}
