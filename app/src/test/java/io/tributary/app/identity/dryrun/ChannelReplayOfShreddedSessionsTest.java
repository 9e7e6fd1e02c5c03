package io.tributary.app.identity.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.TrafficSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A session whose landing was shredded keeps its channel under any candidate rules. */
class ChannelReplayOfShreddedSessionsTest {

    private static final ChannelRuleSet RULES = new ChannelRuleSet(2, List.of());
    /** Classifies everything as Direct: what "[erased]" would be classified as. */
    private static final ChannelClassifier DIRECT = new ChannelClassifier() {
        @Override
        public ChannelRuleSet inForce() {
            return RULES;
        }

        @Override
        public TrafficSource classify(String landingUrl, String referrer, ChannelRuleSet rules) {
            return new TrafficSource(null, "Direct", "Direct", null, null, null, landingUrl, referrer, rules.version());
        }
    };

    @ParameterizedTest(name = "landing {0}, referrer {1}: changed {2}")
    @CsvSource({
        "[erased],                     [erased],                 false",
        "[erased],                     ,                         false",
        "https://shop.example/?utm_source=newsletter, [erased], false",
        "https://shop.example/?utm_source=newsletter, ,          true",
    })
    void keepsTheChannelOfASessionWhoseLandingWasShredded(String landing, String referrer, boolean changed) {
        SessionStarted started = new SessionStarted("s1", "p1", "r1", Instant.parse("2026-01-05T10:00:00Z"),
                "Owned", "Email", "spring", null, null, landing, referrer, 1, "source-1");
        ChannelReplay replay = new ChannelReplay(DIRECT, RULES, RULES);

        SessionStarted after = replay.started(started);

        assertThat(after.channel()).isEqualTo(changed ? "Direct" : "Email");
        assertThat(replay.changed(true).count()).isEqualTo(changed ? 1 : 0);
    }
}
