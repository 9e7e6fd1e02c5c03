package io.tributary.saga.merge;

import static io.tributary.saga.merge.MergeFixtures.MERGED_ID;
import static io.tributary.saga.merge.MergeFixtures.mergedSideMerged;
import static io.tributary.saga.merge.MergeFixtures.moveToSurvivor;
import static io.tributary.saga.merge.MergeFixtures.movedTo;
import static io.tributary.saga.merge.MergeFixtures.movedToSurvivor;
import static io.tributary.saga.merge.MergeFixtures.survivorSideMerged;

import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileMergeSagaTest {

    private FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ProfileMergeSaga.class);
    }

    @Test
    void movesEachSessionOfTheMergedProfile() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(survivorSideMerged("session-b1", "session-b2"))
                .expectActiveSagas(1)
                .expectAssociationWith("mergedProfileId", MERGED_ID)
                .expectAssociationWith("sessionId", "session-b1")
                .expectAssociationWith("sessionId", "session-b2")
                .expectDispatchedCommands(moveToSurvivor("session-b1"), moveToSurvivor("session-b2"));
    }

    @Test
    void staysActiveWhileASessionIsStillToMove() {
        fixture.givenAPublished(survivorSideMerged("session-b1", "session-b2"))
                .whenPublishingA(movedToSurvivor("session-b1"))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenEverySessionHasMoved() {
        fixture.givenAPublished(survivorSideMerged("session-b1", "session-b2"))
                .andThenAPublished(movedToSurvivor("session-b1"))
                .whenPublishingA(movedToSurvivor("session-b2"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void ignoresAMoveToAnotherProfile() {
        fixture.givenAPublished(survivorSideMerged("session-b1"))
                .whenPublishingA(movedTo("session-b1", "profile-carl"))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void mergeWithoutSessionsEndsAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(survivorSideMerged())
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void mergedSideAloneStartsAndEndsWithoutCommands() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(mergedSideMerged())
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void mergedSideAfterTheSurvivorSideDoesNotEndTheSaga() {
        fixture.givenAPublished(survivorSideMerged("session-b1", "session-b2"))
                .whenPublishingA(mergedSideMerged())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void mergedSideAfterTheSurvivorSideStillLetsTheMovesEndTheSaga() {
        fixture.givenAPublished(survivorSideMerged("session-b1"))
                .andThenAPublished(mergedSideMerged())
                .whenPublishingA(movedToSurvivor("session-b1"))
                .expectActiveSagas(0);
    }
}
