package io.tributary.command.profile;

import io.tributary.api.profile.AliasLinked;

import static io.tributary.command.profile.ProfileFixtures.ANONYMOUS_ID;
import static io.tributary.command.profile.ProfileFixtures.BROWSER_SOURCE_ID;
import static io.tributary.command.profile.ProfileFixtures.EMAIL;
import static io.tributary.command.profile.ProfileFixtures.OTHER_ANONYMOUS_ID;
import static io.tributary.command.profile.ProfileFixtures.OTHER_EMAIL;
import static io.tributary.command.profile.ProfileFixtures.OTHER_PROFILE_ID;
import static io.tributary.command.profile.ProfileFixtures.OTHER_USER_ID;
import static io.tributary.command.profile.ProfileFixtures.T0;
import static io.tributary.command.profile.ProfileFixtures.USER_ID;
import static io.tributary.command.profile.ProfileFixtures.aliasBlocked;
import static io.tributary.command.profile.ProfileFixtures.aliasLinked;
import static io.tributary.command.profile.ProfileFixtures.blockedAtCreation;
import static io.tributary.command.profile.ProfileFixtures.browserEvent;
import static io.tributary.command.profile.ProfileFixtures.campaign;
import static io.tributary.command.profile.ProfileFixtures.createProfile;
import static io.tributary.command.profile.ProfileFixtures.createdThen;
import static io.tributary.command.profile.ProfileFixtures.createdWith;
import static io.tributary.command.profile.ProfileFixtures.direct;
import static io.tributary.command.profile.ProfileFixtures.discardDuplicate;
import static io.tributary.command.profile.ProfileFixtures.duplicateDiscarded;
import static io.tributary.command.profile.ProfileFixtures.emails;
import static io.tributary.command.profile.ProfileFixtures.joinsSession;
import static io.tributary.command.profile.ProfileFixtures.linkAlias;
import static io.tributary.command.profile.ProfileFixtures.linkedAtCreation;
import static io.tributary.command.profile.ProfileFixtures.markMergedInto;
import static io.tributary.command.profile.ProfileFixtures.mergeBlocked;
import static io.tributary.command.profile.ProfileFixtures.mergeProfiles;
import static io.tributary.command.profile.ProfileFixtures.mergedSideMerged;
import static io.tributary.command.profile.ProfileFixtures.minutesAfterT0;
import static io.tributary.command.profile.ProfileFixtures.opensSession;
import static io.tributary.command.profile.ProfileFixtures.outsideAnySession;
import static io.tributary.command.profile.ProfileFixtures.profileCreated;
import static io.tributary.command.profile.ProfileFixtures.propertiesUpdated;
import static io.tributary.command.profile.ProfileFixtures.recordEvent;
import static io.tributary.command.profile.ProfileFixtures.serverEvent;
import static io.tributary.command.profile.ProfileFixtures.sessionRef;
import static io.tributary.command.profile.ProfileFixtures.survivorSideMerged;
import static io.tributary.command.profile.ProfileFixtures.updateProperties;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.Intake;
import io.tributary.command.profile.ProfileCommand;
import io.tributary.api.session.SessionAssignment;
import io.tributary.api.session.SessionRef;
import io.tributary.command.rules.IdentityRulesVersion;
import io.tributary.command.session.SessionPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileTest {

    private FixtureConfiguration<Profile> fixture;
    private final IdentityRulesVersion rulesVersion = new IdentityRulesVersion();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Profile.class);
        fixture.registerInjectableResource(AliasLimits.defaults());
        fixture.registerInjectableResource(SessionPolicy.defaults());
        fixture.registerInjectableResource(rulesVersion);
    }

    @Test
    void decisionsNameTheIdentityRulesVersionInForce() {
        rulesVersion.inForce(3);
        AliasLinked linked = aliasLinked(ANONYMOUS_ID);
        fixture.given(createdWith(EMAIL))
                .when(linkAlias(ANONYMOUS_ID))
                .expectEvents(new AliasLinked(linked.profileId(), linked.alias(), linked.rule(), linked.evidence(), 3));
    }

    // identity -----------------------------------------------------------------------------------------------

    @Test
    void createsProfileWithItsAliases() {
        fixture.givenNoPriorActivity()
                .when(createProfile(EMAIL, ANONYMOUS_ID))
                .expectEvents(profileCreated(EMAIL, ANONYMOUS_ID), linkedAtCreation(EMAIL),
                        linkedAtCreation(ANONYMOUS_ID));
    }

    @Test
    void blocksSecondUserIdAtCreation() {
        fixture.givenNoPriorActivity()
                .when(createProfile(USER_ID, OTHER_USER_ID, EMAIL))
                .expectEvents(profileCreated(USER_ID, OTHER_USER_ID, EMAIL), linkedAtCreation(USER_ID),
                        blockedAtCreation(OTHER_USER_ID, "limit:user_id:1"), linkedAtCreation(EMAIL));
    }

    @Test
    void linksUnownedAlias() {
        fixture.given(createdWith(EMAIL))
                .when(linkAlias(ANONYMOUS_ID))
                .expectEvents(aliasLinked(ANONYMOUS_ID))
                .expectResultMessagePayload(true);
    }

    @Test
    void linkingOwnedAliasChangesNothing() {
        fixture.given(createdWith(EMAIL))
                .when(linkAlias(EMAIL))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }

    @Test
    void blocksAliasOverEmailLimit() {
        fixture.given(createdWith(emails(5)))
                .when(linkAlias(OTHER_EMAIL))
                .expectEvents(aliasBlocked(OTHER_EMAIL, "limit:email:5"))
                .expectResultMessagePayload(false);
    }

    @Test
    void linksAliasOfAnotherTypeWhenEmailsAreFull() {
        fixture.given(createdWith(emails(5)))
                .when(linkAlias(ANONYMOUS_ID))
                .expectEvents(aliasLinked(ANONYMOUS_ID))
                .expectResultMessagePayload(true);
    }

    // merges -------------------------------------------------------------------------------------------------

    @Test
    void mergesProfileWithinLimits() {
        List<String> mergedAliases = List.of(OTHER_ANONYMOUS_ID, OTHER_EMAIL);
        List<SessionRef> mergedSessions = List.of(
                sessionRef("session-b1", T0, minutesAfterT0(20), null),
                sessionRef("session-b2", minutesAfterT0(200), minutesAfterT0(230), "spring-sale"));

        fixture.given(createdWith(USER_ID, EMAIL))
                .when(mergeProfiles(mergedAliases, mergedSessions))
                .expectEvents(survivorSideMerged(mergedAliases, mergedSessions))
                .expectResultMessagePayload(true);
    }

    @Test
    void blocksMergeOfTwoUserIds() {
        fixture.given(createdWith(USER_ID, EMAIL))
                .when(mergeProfiles(List.of(OTHER_USER_ID, OTHER_ANONYMOUS_ID), List.of()))
                .expectEvents(mergeBlocked("limit:user_id:1"))
                .expectResultMessagePayload(false);
    }

    @Test
    void marksMergedSide() {
        fixture.given(createdWith(OTHER_ANONYMOUS_ID))
                .when(markMergedInto(OTHER_PROFILE_ID))
                .expectEvents(mergedSideMerged(OTHER_PROFILE_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOfAnActiveProfile")
    void refusesCommandsOnMergedProfile(ProfileCommand command) {
        fixture.given(createdThen(OTHER_ANONYMOUS_ID, mergedSideMerged(OTHER_PROFILE_ID)))
                .when(command)
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    static Stream<Named<ProfileCommand>> commandsOfAnActiveProfile() {
        return Stream.of(
                Named.of("LinkAlias", linkAlias(ANONYMOUS_ID)),
                Named.of("MergeProfiles", mergeProfiles(List.of(OTHER_EMAIL), List.of())),
                Named.of("MarkProfileMerged", markMergedInto("profile-carl")),
                Named.of("RecordEvent", recordEvent(browserEvent("record-9", T0), direct(), "session-9")));
    }

    @Test
    void survivorContinuesTheMergedSessions() {
        Intake later = browserEvent("record-20", minutesAfterT0(50));
        List<SessionRef> mergedSessions = List.of(sessionRef("session-b1", T0, minutesAfterT0(20), null));

        fixture.given(createdThen(EMAIL, survivorSideMerged(List.of(OTHER_ANONYMOUS_ID), mergedSessions)))
                .when(recordEvent(later, direct(), "session-new"))
                .expectEvents(joinsSession(later, "session-b1", true));
    }

    @Test
    void mergedPropertiesKeepTheirEventTime() {
        fixture.given(createdThen(EMAIL, survivorSideMerged(List.of(OTHER_ANONYMOUS_ID), List.of())))
                .when(updateProperties(minutesAfterT0(60), Map.of("plan", "free")))
                .expectNoEvents();
    }

    // properties ---------------------------------------------------------------------------------------------

    @Nested
    class LatestEventTimeWinsPerProperty {

        private List<Object> history() {
            return createdThen(EMAIL,
                    propertiesUpdated(minutesAfterT0(60), Map.of("plan", "free", "city", "Oslo")));
        }

        @Test
        void olderUpdateChangesNothing() {
            fixture.given(history())
                    .when(updateProperties(minutesAfterT0(30), Map.of("plan", "pro", "city", "Bergen")))
                    .expectNoEvents();
        }

        @Test
        void newerUpdateChangesOnlyTheChangedKeys() {
            fixture.given(history())
                    .when(updateProperties(minutesAfterT0(90), Map.of("plan", "pro", "city", "Oslo")))
                    .expectEvents(propertiesUpdated(minutesAfterT0(90), Map.of("plan", "pro")));
        }

        @Test
        void olderUpdateStillSetsAPropertyNotYetKnown() {
            fixture.given(history())
                    .when(updateProperties(minutesAfterT0(30), Map.of("plan", "pro", "country", "NO")))
                    .expectEvents(propertiesUpdated(minutesAfterT0(30), Map.of("country", "NO")));
        }
    }

    // sessions -----------------------------------------------------------------------------------------------

    @Test
    void startsSessionForFirstBrowserEvent() {
        Intake landing = browserEvent("record-10", T0);

        fixture.given(createdWith(ANONYMOUS_ID))
                .when(recordEvent(landing, campaign("spring-sale"), "session-1"))
                .expectEvents(opensSession(landing, "session-1", "spring-sale"))
                .expectResultMessagePayload(new SessionAssignment("session-1", true, true));
    }

    @Test
    void continuesSessionWithin60Minutes() {
        Intake landing = browserEvent("record-10", T0);
        Intake next = browserEvent("record-11", minutesAfterT0(60));

        fixture.given(createdThen(ANONYMOUS_ID, opensSession(landing, "session-1", null)))
                .when(recordEvent(next, direct(), "session-2"))
                .expectEvents(joinsSession(next, "session-1", true))
                .expectResultMessagePayload(new SessionAssignment("session-1", false, true));
    }

    @Test
    void startsNewSessionAfter61Minutes() {
        Intake landing = browserEvent("record-10", T0);
        Intake next = browserEvent("record-11", minutesAfterT0(61));

        fixture.given(createdThen(ANONYMOUS_ID, opensSession(landing, "session-1", null)))
                .when(recordEvent(next, direct(), "session-2"))
                .expectEvents(opensSession(next, "session-2", null))
                .expectResultMessagePayload(new SessionAssignment("session-2", true, true));
    }

    @Test
    void inactivityIsMeasuredFromTheLastBrowserEvent() {
        Intake landing = browserEvent("record-10", T0);
        Intake browsing = browserEvent("record-11", minutesAfterT0(50));
        Intake next = browserEvent("record-12", minutesAfterT0(100));

        fixture.given(createdThen(ANONYMOUS_ID, opensSession(landing, "session-1", null),
                        joinsSession(browsing, "session-1", true)))
                .when(recordEvent(next, direct(), "session-2"))
                .expectEvents(joinsSession(next, "session-1", true));
    }

    @Test
    void startsNewSessionOnDifferentTrafficSource() {
        Intake landing = browserEvent("record-10", T0);
        Intake next = browserEvent("record-11", minutesAfterT0(10));

        fixture.given(createdThen(ANONYMOUS_ID, opensSession(landing, "session-1", "spring-sale")))
                .when(recordEvent(next, campaign("summer-sale"), "session-2"))
                .expectEvents(opensSession(next, "session-2", "summer-sale"));
    }

    @Test
    void sameTrafficSourceContinuesSession() {
        Intake landing = browserEvent("record-10", T0);
        Intake next = browserEvent("record-11", minutesAfterT0(10));

        fixture.given(createdThen(ANONYMOUS_ID, opensSession(landing, "session-1", "spring-sale")))
                .when(recordEvent(next, campaign("spring-sale"), "session-2"))
                .expectEvents(joinsSession(next, "session-1", true));
    }

    @Test
    void serverEventJoinsCurrentSessionWithinTimeout() {
        Intake landing = browserEvent("record-10", T0);
        Intake order = serverEvent("record-11", minutesAfterT0(30));

        fixture.given(createdThen(ANONYMOUS_ID, opensSession(landing, "session-1", null)))
                .when(recordEvent(order, "session-2"))
                .expectEvents(joinsSession(order, "session-1", true))
                .expectResultMessagePayload(new SessionAssignment("session-1", false, true));
    }

    @Test
    void serverEventOutsideSessionIsNotStitchedWithoutBrowserSession() {
        Intake order = serverEvent("record-11", T0);

        fixture.given(createdWith(ANONYMOUS_ID))
                .when(recordEvent(order, "session-2"))
                .expectEvents(outsideAnySession(order, false))
                .expectResultMessagePayload(new SessionAssignment(null, false, false));
    }

    @Test
    void serverEventIsStitchedWhenBrowserSessionStartedBefore() {
        Intake landing = browserEvent("record-10", T0);
        Intake order = serverEvent("record-11", minutesAfterT0(180));

        fixture.given(createdThen(ANONYMOUS_ID, opensSession(landing, "session-1", null)))
                .when(recordEvent(order, "session-2"))
                .expectEvents(outsideAnySession(order, true))
                .expectResultMessagePayload(new SessionAssignment(null, false, true));
    }

    @Test
    void serverEventsDoNotOpenSessions() {
        Intake first = serverEvent("record-11", T0);
        Intake order = serverEvent("record-12", minutesAfterT0(5));

        fixture.given(createdThen(ANONYMOUS_ID, outsideAnySession(first, false)))
                .when(recordEvent(order, "session-2"))
                .expectEvents(outsideAnySession(order, false));
    }

    // duplicates ---------------------------------------------------------------------------------------------

    @Test
    void recordsDuplicateDiscarded() {
        Intake copy = serverEvent("record-12", T0);

        fixture.given(createdWith(ANONYMOUS_ID))
                .when(discardDuplicate(copy, "record-11", BROWSER_SOURCE_ID, DuplicateKind.CROSS_SOURCE))
                .expectEvents(duplicateDiscarded(copy, "record-11", BROWSER_SOURCE_ID, DuplicateKind.CROSS_SOURCE));
    }
}
