package io.tributary.command.session;

import io.tributary.api.session.SessionRef;
import io.tributary.api.session.TrafficSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a tracked event starts a session, joins one, or stays outside any.
 * <ul>
 * <li>A browser event starts a session when the profile has none, when its last browser event is more than
 * the inactivity timeout earlier, or when it carries a traffic source different from the current session's. A late
 * browser event (earlier than the current session) joins the session that was active then, or starts its own.</li>
 * <li>A server event joins the current session when it falls within the timeout of that session's last activity.</li>
 * <li>A server event is stitched when a browser session started at or before it, within the stitching window.</li>
 * </ul>
 */
public final class SessionPolicy {

    private final Duration inactivityTimeout;
    private final Duration stitchingWindow;

    public SessionPolicy(Duration inactivityTimeout, Duration stitchingWindow) {
        this.inactivityTimeout = inactivityTimeout;
        this.stitchingWindow = stitchingWindow;
    }

    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofMinutes(60), Duration.ofDays(30));
    }

    /** The same policy with another inactivity timeout (a candidate rule set's, or the one in force). */
    public SessionPolicy withInactivityTimeout(Duration timeout) {
        return timeout.equals(inactivityTimeout) ? this : new SessionPolicy(timeout, stitchingWindow);
    }

    public SessionDecision decide(SessionTimeline timeline, boolean browser, Instant at, TrafficSource source) {
        Optional<SessionRef> current = timeline.current();
        if (browser) {
            if (current.isPresent() && at.isBefore(current.get().startedAt())) {
                return timeline.activeAt(at, inactivityTimeout).filter(session -> sameSource(session, source))
                        .map(session -> SessionDecision.join(session.sessionId(), true))
                        .orElseGet(SessionDecision::start);
            }
            return current.filter(session -> continuesBrowsing(timeline, session, at, source))
                    .map(session -> SessionDecision.join(session.sessionId(), true))
                    .orElseGet(SessionDecision::start);
        }
        boolean stitched = isStitched(timeline, at);
        return current.filter(session -> withinTimeout(session.lastActivityAt(), at))
                .map(session -> SessionDecision.join(session.sessionId(), stitched))
                .orElseGet(() -> SessionDecision.none(stitched));
    }

    private boolean continuesBrowsing(SessionTimeline timeline, SessionRef session, Instant at, TrafficSource source) {
        Instant last = timeline.lastBrowserEventAt() == null ? session.lastActivityAt() : timeline.lastBrowserEventAt();
        return Duration.between(last, at).compareTo(inactivityTimeout) <= 0 && sameSource(session, source);
    }

    private static boolean sameSource(SessionRef session, TrafficSource source) {
        return source == null || !source.isPresent() || Objects.equals(source.key(), session.trafficKey());
    }

    private boolean withinTimeout(Instant lastActivity, Instant at) {
        return Duration.between(lastActivity, at).abs().compareTo(inactivityTimeout) <= 0;
    }

    private boolean isStitched(SessionTimeline timeline, Instant at) {
        Instant earliest = at.minus(stitchingWindow);
        return timeline.sessions().stream()
                .anyMatch(s -> !s.startedAt().isAfter(at) && !s.startedAt().isBefore(earliest));
    }
}
