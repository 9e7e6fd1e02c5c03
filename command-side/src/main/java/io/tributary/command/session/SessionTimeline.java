package io.tributary.command.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.api.session.SessionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A profile's sessions as the command side needs them: the current one and the recent starts. Mutable
 * state of the Profile aggregate, changed only by its sourcing handlers.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SessionTimeline {

    static final int KEPT_SESSIONS = 200;

    private final List<SessionRef> sessions = new ArrayList<>();
    private String currentSessionId;
    private Instant lastBrowserEventAt;

    public List<SessionRef> sessions() {
        return List.copyOf(sessions);
    }

    /** The session that was active at a past moment, if one was. */
    public Optional<SessionRef> activeAt(Instant at, java.time.Duration timeout) {
        return sessions.stream()
                .filter(s -> !s.startedAt().isAfter(at) && !s.lastActivityAt().plus(timeout).isBefore(at))
                .reduce((earlier, later) -> later);
    }

    public Optional<SessionRef> current() {
        return sessions.stream().filter(s -> s.sessionId().equals(currentSessionId)).findFirst();
    }

    public Instant lastBrowserEventAt() {
        return lastBrowserEventAt;
    }

    public void recordBrowserEvent(Instant at) {
        lastBrowserEventAt = max(lastBrowserEventAt, at);
    }

    public void start(String sessionId, Instant at, String trafficKey) {
        sessions.add(new SessionRef(sessionId, at, at, trafficKey));
        currentSessionId = sessionId;
        if (sessions.size() > KEPT_SESSIONS) {
            sessions.remove(0);
        }
    }

    public void touch(String sessionId, Instant at) {
        for (int i = 0; i < sessions.size(); i++) {
            SessionRef s = sessions.get(i);
            if (s.sessionId().equals(sessionId)) {
                sessions.set(i, new SessionRef(s.sessionId(), s.startedAt(), max(s.lastActivityAt(), at), s.trafficKey()));
            }
        }
    }

    /** Takes over the sessions of a merged profile; the most recently active session becomes current. */
    public void absorb(List<SessionRef> merged, Instant mergedLastBrowserEventAt) {
        sessions.addAll(merged);
        sessions.sort(Comparator.comparing(SessionRef::startedAt));
        while (sessions.size() > KEPT_SESSIONS) {
            sessions.remove(0);
        }
        lastBrowserEventAt = max(lastBrowserEventAt, mergedLastBrowserEventAt);
        currentSessionId = sessions.stream().max(Comparator.comparing(SessionRef::lastActivityAt))
                .map(SessionRef::sessionId).orElse(null);
    }

    /** Gives up these sessions (a split moved them to another profile); the most recently active stays current. */
    public void release(java.util.Collection<String> sessionIds) {
        sessions.removeIf(s -> sessionIds.contains(s.sessionId()));
        currentSessionId = sessions.stream().max(Comparator.comparing(SessionRef::lastActivityAt))
                .map(SessionRef::sessionId).orElse(null);
    }

    /** Takes (back) these sessions, replacing what it knew of any of them. */
    public void restore(List<SessionRef> returned) {
        List<String> ids = returned.stream().map(SessionRef::sessionId).toList();
        sessions.removeIf(s -> ids.contains(s.sessionId()));
        absorb(returned, returned.stream().map(SessionRef::lastActivityAt).max(Instant::compareTo).orElse(null));
    }

    private static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
