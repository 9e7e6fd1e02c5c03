package io.tributary.query.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.SessionView;
import io.tributary.query.support.AtMostOnce;
import io.tributary.query.support.MergeMap;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * The {@code sessions} collection ({@code _id} = sessionId) and the projection's merge map
 * {@code session_merges}. {@code profileId} is only ever set on insert, except by a move, so a late or
 * redelivered event never takes a moved session back.
 */
final class SessionRepository {

    /** More record ids than one session receives in one processor batch: redelivery is at most a batch. */
    private static final int RECORD_WINDOW = 1000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final Comparator<SessionView> BY_START = Comparator
            .comparing(SessionView::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SessionView::sessionId);

    private final MongoCollection<Document> sessions;
    private final MergeMap merges;

    SessionRepository(MongoDatabase database) {
        this.sessions = database.getCollection("sessions");
        this.merges = new MergeMap(database, "session_merges");
        sessions.createIndex(Indexes.ascending("profileId", "startedAt"));
    }

    void start(SessionStarted e) {
        sessions.updateOne(eq("_id", e.sessionId()), combine(
                setOnInsert("profileId", e.profileId()),
                set("startedAt", toDate(e.startedAt())),
                max("lastActivityAt", toDate(e.startedAt())),
                set("channelGroup", e.channelGroup()),
                set("channel", e.channel()),
                set("campaign", e.campaign()),
                set("adSet", e.adSet()),
                set("ad", e.ad()),
                set("landingUrl", e.landingUrl()),
                set("referrer", e.referrer())), UPSERT);
    }

    void countEvent(String sessionId, String profileId, String recordId, Instant timestamp) {
        AtMostOnce.apply(sessions, sessionId, "countedRecordIds", recordId, RECORD_WINDOW, combine(
                setOnInsert("profileId", profileId), inc("eventCount", 1), max("lastActivityAt", toDate(timestamp))));
    }

    void move(String sessionId, String toProfileId) {
        sessions.updateOne(eq("_id", sessionId), set("profileId", toProfileId), UPSERT);
    }

    void recordMerge(String mergedProfileId, String survivorProfileId) {
        merges.record(mergedProfileId, survivorProfileId);
    }

    /** The sessions of the survivor {@code profileId} resolves to and of every profile merged into it. */
    List<SessionView> ofProfile(String profileId) {
        String survivor = merges.resolve(profileId);
        List<SessionView> views = new ArrayList<>();
        sessions.find(in("profileId", merges.members(survivor))).forEach(d -> views.add(new SessionView(
                d.getString("_id"), survivor, toInstant(d.getDate("startedAt")),
                toInstant(d.getDate("lastActivityAt")), d.getString("channelGroup"), d.getString("channel"),
                d.getString("campaign"), d.getString("adSet"), d.getString("ad"), d.getString("landingUrl"),
                d.getString("referrer"), count(d))));
        views.sort(BY_START);
        return views;
    }

    private static long count(Document session) {
        Number count = session.get("eventCount", Number.class);
        return count == null ? 0 : count.longValue();
    }

    void clear() {
        sessions.deleteMany(empty());
        merges.clear();
    }
}
