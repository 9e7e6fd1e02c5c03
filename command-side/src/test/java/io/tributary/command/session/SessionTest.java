package io.tributary.command.session;

import static io.tributary.command.session.SessionFixtures.PROFILE_ID;
import static io.tributary.command.session.SessionFixtures.SURVIVOR_ID;
import static io.tributary.command.session.SessionFixtures.moveSessionTo;
import static io.tributary.command.session.SessionFixtures.reclassifyAs;
import static io.tributary.command.session.SessionFixtures.sessionReclassified;
import static io.tributary.command.session.SessionFixtures.sessionMoved;
import static io.tributary.command.session.SessionFixtures.sessionStarted;
import static io.tributary.command.session.SessionFixtures.startSession;

import io.tributary.api.session.StartSession;
import io.tributary.api.session.SessionStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void startsSessionWithItsChannel() {
        fixture.givenNoPriorActivity()
                .when(startSession())
                .expectEvents(sessionStarted());
    }

    @Test
    void startsSessionNamingTheSourceWhoseRetentionCoversItsLanding() {
        StartSession plain = startSession();
        StartSession fromSource = new StartSession(plain.sessionId(), plain.profileId(), plain.recordId(),
                plain.startedAt(), plain.trafficSource(), "source-web");
        SessionStarted expected = sessionStarted();

        fixture.givenNoPriorActivity()
                .when(fromSource)
                .expectEvents(new SessionStarted(expected.sessionId(), expected.profileId(), expected.recordId(),
                        expected.startedAt(), expected.channelGroup(), expected.channel(), expected.campaign(),
                        expected.adSet(), expected.ad(), expected.landingUrl(), expected.referrer(),
                        expected.rulesVersion(), "source-web"));
    }

    @Test
    void movesSessionToSurvivor() {
        fixture.given(sessionStarted())
                .when(moveSessionTo(SURVIVOR_ID))
                .expectEvents(sessionMoved(PROFILE_ID, SURVIVOR_ID));
    }

    @Test
    void movingToCurrentOwnerChangesNothing() {
        fixture.given(sessionStarted())
                .when(moveSessionTo(PROFILE_ID))
                .expectNoEvents();
    }

    @Test
    void repeatedMoveChangesNothing() {
        fixture.given(sessionStarted(), sessionMoved(PROFILE_ID, SURVIVOR_ID))
                .when(moveSessionTo(SURVIVOR_ID))
                .expectNoEvents();
    }

    @Test
    void reclassifiesSessionUnderNewerRules() {
        fixture.given(sessionStarted())
                .when(reclassifyAs("Paid Search", "Google Brand", "spring-sale", 3))
                .expectEvents(sessionReclassified("Paid Search", "Google Brand", "spring-sale", 3));
    }

    @Test
    void reclassifyingAsTheSameChannelChangesNothing() {
        fixture.given(sessionStarted())
                .when(reclassifyAs("Paid Search", "Google Ads", "spring-sale", 3))
                .expectNoEvents();
    }

    @Test
    void reclassifyingAgainComparesWithTheLatestClassification() {
        fixture.given(sessionStarted(), sessionReclassified("Paid Search", "Google Brand", "spring-sale", 3))
                .when(reclassifyAs("Paid Search", "Google Brand", "spring-sale", 4))
                .expectNoEvents();
    }
}
