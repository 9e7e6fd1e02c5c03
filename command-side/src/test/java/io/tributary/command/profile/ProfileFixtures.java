package io.tributary.command.profile;

import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.command.profile.CreateProfile;
import io.tributary.command.profile.DiscardDuplicate;
import io.tributary.api.profile.Evidence;
import io.tributary.command.profile.LinkAlias;
import io.tributary.command.profile.MarkProfileMerged;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.command.profile.MergeProfiles;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.profile.PropertyValue;
import io.tributary.command.profile.RecordEvent;
import io.tributary.command.profile.UpdateProfileProperties;
import io.tributary.api.session.SessionRef;
import io.tributary.api.session.TrafficSource;
import io.tributary.api.source.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Messages of the Profile aggregate, built the way the intake builds them. */
final class ProfileFixtures {

    static final String PROFILE_ID = "profile-ann";
    static final String OTHER_PROFILE_ID = "profile-bob";

    static final String USER_ID = "urn:user_id:u-1";
    static final String OTHER_USER_ID = "urn:user_id:u-2";
    static final String EMAIL = "urn:email:ann@example.com";
    static final String OTHER_EMAIL = "urn:email:ann@work.example.com";
    static final String ANONYMOUS_ID = "urn:anonymous_id:a-1";
    static final String OTHER_ANONYMOUS_ID = "urn:anonymous_id:a-2";

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
    static final String BROWSER_SOURCE_ID = "source-web";
    static final String SERVER_SOURCE_ID = "source-shop-backend";

    private static final String NEW_PROFILE = "new_profile";
    private static final String UNOWNED_ALIAS = "unowned_alias";
    private static final String SHARED_ALIAS = "shared_alias";
    private static final List<String> SHARED_ALIASES = List.of(EMAIL, OTHER_ANONYMOUS_ID);

    private ProfileFixtures() {
    }

    static Instant minutesAfterT0(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    // identity -----------------------------------------------------------------------------------------------

    static Evidence creationEvidence() {
        return new Evidence("record-1", "event-1", T0);
    }

    static Evidence linkEvidence() {
        return new Evidence("record-2", "event-2", minutesAfterT0(5));
    }

    static Evidence mergeEvidence() {
        return new Evidence("record-3", "event-3", minutesAfterT0(10));
    }

    static CreateProfile createProfile(String... aliases) {
        return new CreateProfile(PROFILE_ID, List.of(aliases), creationEvidence());
    }

    static ProfileCreated profileCreated(String... aliases) {
        return new ProfileCreated(PROFILE_ID, List.of(aliases), NEW_PROFILE, creationEvidence());
    }

    static AliasLinked linkedAtCreation(String alias) {
        return new AliasLinked(PROFILE_ID, alias, NEW_PROFILE, creationEvidence());
    }

    static AliasBlocked blockedAtCreation(String alias, String rule) {
        return new AliasBlocked(PROFILE_ID, alias, rule, creationEvidence());
    }

    /** The history of a profile created with {@code aliases}, each of them linked. */
    static List<Object> createdWith(String... aliases) {
        List<Object> events = new ArrayList<>();
        events.add(profileCreated(aliases));
        for (String alias : aliases) {
            events.add(linkedAtCreation(alias));
        }
        return events;
    }

    /** The history of a profile created with one alias, followed by {@code later} events. */
    static List<Object> createdThen(String alias, Object... later) {
        List<Object> events = createdWith(alias);
        events.addAll(List.of(later));
        return events;
    }

    static String[] emails(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "urn:email:ann" + i + "@example.com")
                .toArray(String[]::new);
    }

    static LinkAlias linkAlias(String alias) {
        return new LinkAlias(PROFILE_ID, alias, linkEvidence());
    }

    static AliasLinked aliasLinked(String alias) {
        return new AliasLinked(PROFILE_ID, alias, UNOWNED_ALIAS, linkEvidence());
    }

    static AliasBlocked aliasBlocked(String alias, String rule) {
        return new AliasBlocked(PROFILE_ID, alias, rule, linkEvidence());
    }

    // merges -------------------------------------------------------------------------------------------------

    static Map<String, PropertyValue> mergedProperties() {
        return Map.of("plan", new PropertyValue("pro", minutesAfterT0(120)));
    }

    static SessionRef sessionRef(String sessionId, Instant startedAt, Instant lastActivityAt, String trafficKey) {
        return new SessionRef(sessionId, startedAt, lastActivityAt, trafficKey);
    }

    static MergeProfiles mergeProfiles(List<String> mergedAliases, List<SessionRef> mergedSessions) {
        return new MergeProfiles(PROFILE_ID, OTHER_PROFILE_ID, SHARED_ALIASES, mergedAliases, mergedProperties(),
                mergedSessions, mergeEvidence());
    }

    static ProfilesMerged survivorSideMerged(List<String> mergedAliases, List<SessionRef> mergedSessions) {
        return new ProfilesMerged(PROFILE_ID, PROFILE_ID, OTHER_PROFILE_ID, SHARED_ALIASES, mergedAliases,
                mergedProperties(), mergedSessions, SHARED_ALIAS, mergeEvidence());
    }

    static MergeBlocked mergeBlocked(String rule) {
        return new MergeBlocked(PROFILE_ID, OTHER_PROFILE_ID, SHARED_ALIASES, rule, mergeEvidence());
    }

    static MarkProfileMerged markMergedInto(String survivorProfileId) {
        return new MarkProfileMerged(PROFILE_ID, survivorProfileId, SHARED_ALIASES, mergeEvidence(), null, null, null);
    }

    static ProfilesMerged mergedSideMerged(String survivorProfileId) {
        return new ProfilesMerged(PROFILE_ID, survivorProfileId, PROFILE_ID, SHARED_ALIASES, List.of(), Map.of(),
                List.of(), SHARED_ALIAS, mergeEvidence());
    }

    // properties ---------------------------------------------------------------------------------------------

    static Evidence evidenceAt(Instant at) {
        return new Evidence("record-" + at.getEpochSecond(), "event-" + at.getEpochSecond(), at);
    }

    static UpdateProfileProperties updateProperties(Instant at, Map<String, Object> properties) {
        return new UpdateProfileProperties(PROFILE_ID, properties, evidenceAt(at));
    }

    static ProfilePropertiesUpdated propertiesUpdated(Instant at, Map<String, Object> properties) {
        Map<String, PropertyValue> values = new LinkedHashMap<>();
        properties.forEach((name, value) -> values.put(name, new PropertyValue(value, at)));
        return new ProfilePropertiesUpdated(PROFILE_ID, values, evidenceAt(at));
    }

    // tracked events and sessions ----------------------------------------------------------------------------

    static Intake browserEvent(String recordId, Instant at) {
        return intake(recordId, BROWSER_SOURCE_ID, SourceType.BROWSER, trackedEvent("Page Viewed", recordId, at));
    }

    static Intake serverEvent(String recordId, Instant at) {
        return intake(recordId, SERVER_SOURCE_ID, SourceType.SERVER,
                trackedEvent(TrackedEvent.PLACED_ORDER, recordId, at));
    }

    private static Intake intake(String recordId, String sourceId, SourceType type, TrackedEvent event) {
        return new Intake(recordId, sourceId, type, event.timestamp().plusSeconds(2), event);
    }

    private static TrackedEvent trackedEvent(String name, String recordId, Instant at) {
        return new TrackedEvent(name, "client-" + recordId, Map.of("$url", "https://shop.example.com/"), Map.of(),
                List.of(ANONYMOUS_ID), at, "+01:00", List.of());
    }

    /** A landing without campaign parameters, click ids or external referrer. */
    static TrafficSource direct() {
        return new TrafficSource(null, "Direct", "Direct", null, null, null, "https://shop.example.com/", null);
    }

    static TrafficSource campaign(String key) {
        return new TrafficSource(key, "Paid Search", "Google Ads", key, null, null,
                "https://shop.example.com/?utm_campaign=" + key, "https://www.google.com/");
    }

    static RecordEvent recordEvent(Intake intake, TrafficSource trafficSource, String newSessionId) {
        return new RecordEvent(PROFILE_ID, intake, FINGERPRINT, trafficSource, newSessionId);
    }

    /** A server event: the intake classifies no traffic source for it. */
    static RecordEvent recordEvent(Intake intake, String newSessionId) {
        return recordEvent(intake, null, newSessionId);
    }

    static EventRecorded opensSession(Intake intake, String sessionId, String trafficKey) {
        return recorded(intake, sessionId, true, trafficKey, true);
    }

    static EventRecorded joinsSession(Intake intake, String sessionId, boolean stitched) {
        return recorded(intake, sessionId, false, null, stitched);
    }

    static EventRecorded outsideAnySession(Intake intake, boolean stitched) {
        return recorded(intake, null, false, null, stitched);
    }

    private static EventRecorded recorded(Intake intake, String sessionId, boolean startsSession, String trafficKey,
                                          boolean stitched) {
        return new EventRecorded(PROFILE_ID, intake.recordId(), intake.sourceId(), intake.sourceType(),
                intake.receivedAt(), intake.event(), FINGERPRINT, sessionId, startsSession, trafficKey, stitched);
    }

    // duplicates ---------------------------------------------------------------------------------------------

    static DiscardDuplicate discardDuplicate(Intake copy, String keptRecordId, String keptSourceId,
                                             DuplicateKind kind) {
        return new DiscardDuplicate(PROFILE_ID, copy, FINGERPRINT, keptRecordId, keptSourceId, kind);
    }

    static DuplicateDiscarded duplicateDiscarded(Intake copy, String keptRecordId, String keptSourceId,
                                                 DuplicateKind kind) {
        return new DuplicateDiscarded(PROFILE_ID, copy.recordId(), copy.sourceId(), copy.sourceType(),
                copy.receivedAt(), copy.event(), FINGERPRINT, keptRecordId, keptSourceId, kind);
    }
}
