package io.tributary.command.session;

import io.tributary.api.session.MoveSession;
import io.tributary.api.session.ReclassifySession;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.StartSession;
import io.tributary.api.session.TrafficSource;
import java.time.Instant;

/** Messages of the Session aggregate. */
final class SessionFixtures {

    static final String SESSION_ID = "session-1";
    static final String PROFILE_ID = "profile-ann";
    static final String SURVIVOR_ID = "profile-bob";
    static final String RECORD_ID = "record-1";
    static final String MERGE_RECORD_ID = "record-9";
    static final Instant STARTED_AT = Instant.parse("2025-03-03T09:00:00Z");

    private static final TrafficSource SPRING_SALE = new TrafficSource("google|spring-sale", "Paid Search",
            "Google Ads", "spring-sale", "shoes", "red-shoes-1",
            "https://shop.example.com/?utm_source=google&utm_medium=cpc&utm_campaign=spring-sale",
            "https://www.google.com/");

    private SessionFixtures() {
    }

    static StartSession startSession() {
        return new StartSession(SESSION_ID, PROFILE_ID, RECORD_ID, STARTED_AT, SPRING_SALE);
    }

    static SessionStarted sessionStarted() {
        return new SessionStarted(SESSION_ID, PROFILE_ID, RECORD_ID, STARTED_AT, "Paid Search", "Google Ads",
                "spring-sale", "shoes", "red-shoes-1",
                "https://shop.example.com/?utm_source=google&utm_medium=cpc&utm_campaign=spring-sale",
                "https://www.google.com/");
    }

    static MoveSession moveSessionTo(String profileId) {
        return new MoveSession(SESSION_ID, profileId, MERGE_RECORD_ID);
    }

    static SessionMoved sessionMoved(String fromProfileId, String toProfileId) {
        return new SessionMoved(SESSION_ID, fromProfileId, toProfileId, MERGE_RECORD_ID);
    }

    static ReclassifySession reclassifyAs(String group, String channel, String campaign, long rulesVersion) {
        return new ReclassifySession(SESSION_ID, new TrafficSource("k", group, channel, campaign, "shoes",
                "red-shoes-1", SPRING_SALE.landingUrl(), SPRING_SALE.referrer(), rulesVersion));
    }

    static SessionReclassified sessionReclassified(String group, String channel, String campaign, long rulesVersion) {
        return new SessionReclassified(SESSION_ID, PROFILE_ID, STARTED_AT, "Paid Search", "Google Ads", "spring-sale",
                "shoes", "red-shoes-1", group,
                channel, campaign, "shoes", "red-shoes-1", rulesVersion);
    }
}
