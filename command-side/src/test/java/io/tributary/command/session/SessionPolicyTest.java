package io.tributary.command.session;

import static io.tributary.command.session.SessionDecision.join;
import static io.tributary.command.session.SessionDecision.none;
import static io.tributary.command.session.SessionDecision.start;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tributary.api.session.TrafficSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-31T12:00:00Z");
    private static final String CURRENT_KEY = "google|spring-sale";

    private final SessionPolicy policy = SessionPolicy.defaults();

    enum Kind { BROWSER, SERVER }

    /** The traffic source of the new event, compared with the current session's. */
    enum Traffic {
        SAME(CURRENT_KEY), DIFFERENT("meta|summer-sale"), ABSENT(null), UNCLASSIFIED(null);

        private final String key;

        Traffic(String key) {
            this.key = key;
        }

        TrafficSource source() {
            return this == UNCLASSIFIED ? null
                    : new TrafficSource(key, "Paid", "Ads", null, null, null, "https://shop.example.com/", null);
        }
    }

    @ParameterizedTest(name = "{0} | {1} | {2} → {3}")
    @MethodSource("decisions")
    void decidesTheSessionOfATrackedEvent(Timeline timeline, Kind kind, Traffic traffic, SessionDecision expected) {
        SessionDecision decision = policy.decide(timeline.state, kind == Kind.BROWSER, NOW, traffic.source());

        assertThat(decision).isEqualTo(expected);
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                // a browser event starts, or continues the current session
                arguments(noSessions(), Kind.BROWSER, Traffic.ABSENT, start()),
                arguments(noSessions(), Kind.BROWSER, Traffic.SAME, start()),
                arguments(browsed(ofMinutes(30)), Kind.BROWSER, Traffic.ABSENT, join("s-1", true)),
                arguments(browsed(ofMinutes(60)), Kind.BROWSER, Traffic.ABSENT, join("s-1", true)),
                arguments(browsed(ofMinutes(61)), Kind.BROWSER, Traffic.ABSENT, start()),
                arguments(browsed(ofMinutes(10)), Kind.BROWSER, Traffic.SAME, join("s-1", true)),
                arguments(browsed(ofMinutes(10)), Kind.BROWSER, Traffic.UNCLASSIFIED, join("s-1", true)),
                arguments(browsed(ofMinutes(10)), Kind.BROWSER, Traffic.DIFFERENT, start()),
                arguments(browsed(ofMinutes(61)), Kind.BROWSER, Traffic.SAME, start()),
                arguments(browsedDirect(ofMinutes(10)), Kind.BROWSER, Traffic.SAME, start()),
                arguments(browsedDirect(ofMinutes(10)), Kind.BROWSER, Traffic.ABSENT, join("s-1", true)),
                arguments(browsed(ofMinutes(70)).serverEvent(ofMinutes(10)), Kind.BROWSER, Traffic.ABSENT, start()),
                arguments(browsed(ofMinutes(300)).thenBrowsed("s-2", ofMinutes(20)), Kind.BROWSER, Traffic.ABSENT,
                        join("s-2", true)),
                // a server event joins the current session within the timeout, and never starts one
                arguments(noSessions(), Kind.SERVER, Traffic.UNCLASSIFIED, none(false)),
                arguments(browsed(ofMinutes(30)), Kind.SERVER, Traffic.UNCLASSIFIED, join("s-1", true)),
                arguments(browsed(ofMinutes(60)), Kind.SERVER, Traffic.UNCLASSIFIED, join("s-1", true)),
                arguments(browsed(ofMinutes(61)), Kind.SERVER, Traffic.UNCLASSIFIED, none(true)),
                arguments(browsed(ofMinutes(30)), Kind.SERVER, Traffic.DIFFERENT, join("s-1", true)),
                arguments(browsed(ofMinutes(120)).serverEvent(ofMinutes(10)), Kind.SERVER, Traffic.UNCLASSIFIED,
                        join("s-1", true)),
                // a server event is stitched when a session started at or before it, within 30 days
                arguments(browsed(ofDays(29)), Kind.SERVER, Traffic.UNCLASSIFIED, none(true)),
                arguments(browsed(ofDays(30)), Kind.SERVER, Traffic.UNCLASSIFIED, none(true)),
                arguments(browsed(ofDays(31)), Kind.SERVER, Traffic.UNCLASSIFIED, none(false)),
                arguments(browsed(ofDays(31)).thenBrowsed("s-2", ofDays(29)), Kind.SERVER, Traffic.UNCLASSIFIED,
                        none(true)),
                arguments(browsed(ofMinutes(-120)), Kind.SERVER, Traffic.UNCLASSIFIED, none(false)));
    }

    private static Timeline noSessions() {
        return new Timeline();
    }

    /** One session, s-1, whose last (and only) browser event was {@code ago}, from the current traffic source. */
    private static Timeline browsed(Duration ago) {
        return new Timeline().thenBrowsed("s-1", CURRENT_KEY, ago);
    }

    /** As {@link #browsed}, but a direct session: it has no traffic source. */
    private static Timeline browsedDirect(Duration ago) {
        return new Timeline().thenBrowsed("s-1", null, ago);
    }

    /** A profile's session timeline, built the way the Profile's sourcing handlers build it. */
    static final class Timeline {

        private final SessionTimeline state = new SessionTimeline();
        private final List<String> story = new ArrayList<>();
        private String current;

        Timeline thenBrowsed(String sessionId, Duration ago) {
            return thenBrowsed(sessionId, CURRENT_KEY, ago);
        }

        Timeline thenBrowsed(String sessionId, String trafficKey, Duration ago) {
            state.start(sessionId, NOW.minus(ago), trafficKey);
            state.recordBrowserEvent(NOW.minus(ago));
            current = sessionId;
            story.add(sessionId + (trafficKey == null ? " (direct)" : "") + " browsed " + describe(ago));
            return this;
        }

        Timeline serverEvent(Duration ago) {
            state.touch(current, NOW.minus(ago));
            story.add("server event in " + current + " " + describe(ago));
            return this;
        }

        private static String describe(Duration ago) {
            if (ago.isNegative()) {
                return describe(ago.negated()).replace("ago", "later");
            }
            return ago.toDaysPart() > 0 ? ago.toDays() + " days ago" : ago.toMinutes() + " min ago";
        }

        @Override
        public String toString() {
            return story.isEmpty() ? "no session" : String.join(", ", story);
        }
    }
}
