package io.tributary.query.session;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.session.FindProfileSessions;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.SessionView;
import io.tributary.query.support.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.evidence;
import static io.tributary.query.support.Fixtures.recorded;
import static io.tributary.query.support.Fixtures.survivorSide;
import static io.tributary.query.support.Fixtures.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SessionProjectionTest extends EmbeddedMongo {

    private SessionProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new SessionProjection(database);
    }

    @Test
    void tracksTrafficSourceLastActivityAndCountsEachEventOnce() {
        projection.on(started("s1", "p1", at(0)));
        projection.on(event("r1", "p1", "s1", at(0)));
        projection.on(event("r2", "p1", "s1", at(120)));
        projection.on(event("r3", "p1", "s1", at(60)));
        projection.on(event("r2", "p1", "s1", at(120)));

        assertThat(sessions("p1")).containsExactly(new SessionView("s1", "p1", at(0), at(120), "Paid Social",
                "Facebook", "spring", "set-1", "ad-1", "https://shop.example/?utm_source=fb", null, 3));
    }

    @Test
    void listsAProfilesSessionsByStartTime() {
        projection.on(started("s2", "p1", at(3600)));
        projection.on(started("s1", "p1", at(0)));
        projection.on(started("s3", "p2", at(10)));

        assertThat(sessions("p1")).extracting(SessionView::sessionId).containsExactly("s1", "s2");
    }

    @Test
    void includesSessionsOfMergedProfilesBeforeAndAfterTheirMove() {
        projection.on(started("s1", "a", at(0)));
        projection.on(started("s2", "b", at(10)));
        projection.on(started("s3", "b", at(20)));
        projection.on(survivorSide("a", "b", List.of(), Map.of(), evidence("m1", at(30))));
        projection.on(new SessionMoved("s2", "b", "a", "m1"));
        projection.on(event("r9", "b", "s2", at(15))); // late, on the old profile: must not take the session back

        assertThat(sessions("a")).extracting(SessionView::sessionId, SessionView::profileId)
                .containsExactly(tuple("s1", "a"), tuple("s2", "a"), tuple("s3", "a"));
        assertThat(sessions("b")).extracting(SessionView::sessionId).containsExactly("s1", "s2", "s3");
    }

    @Test
    void aMoveProjectedBeforeTheStartKeepsTheNewProfile() {
        projection.on(new SessionMoved("s1", "b", "a", "m1"));
        projection.on(started("s1", "b", at(0)));

        assertThat(sessions("a")).extracting(SessionView::sessionId).containsExactly("s1");
        assertThat(sessions("b")).isEmpty();
    }

    @Test
    void aReclassifiedSessionShowsItsNewChannelAndKeepsItsCounts() {
        projection.on(started("s1", "p1", at(0)));
        projection.on(event("r1", "p1", "s1", at(30)));
        projection.on(new SessionReclassified("s1", "p1", at(0), "Paid Social", "Facebook", "spring", "set-1", "ad-1",
                "Affiliates", "Partner Co", "deal", null, null, 2));

        assertThat(sessions("p1")).containsExactly(new SessionView("s1", "p1", at(0), at(30), "Affiliates",
                "Partner Co", "deal", null, null, "https://shop.example/?utm_source=fb", null, 1));
    }

    @Test
    void resetClearsSessions() {
        projection.on(started("s1", "p1", at(0)));

        projection.reset();

        assertThat(sessions("p1")).isEmpty();
    }

    private List<SessionView> sessions(String profileId) {
        return projection.handle(new FindProfileSessions(profileId));
    }

    private static SessionStarted started(String sessionId, String profileId, Instant startedAt) {
        return new SessionStarted(sessionId, profileId, "r-" + sessionId, startedAt, "Paid Social", "Facebook",
                "spring", "set-1", "ad-1", "https://shop.example/?utm_source=fb", null);
    }

    private static EventRecorded event(String recordId, String profileId, String sessionId, Instant timestamp) {
        return recorded(recordId, profileId, "web", sessionId, timestamp, tracked("$page_load", "e-" + recordId, timestamp));
    }
}
