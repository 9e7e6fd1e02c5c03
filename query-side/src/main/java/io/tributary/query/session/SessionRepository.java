package io.tributary.query.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.SessionView;
import io.tributary.query.support.AtMostOnce;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.MergeMap;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.in;
import static io.tributary.query.support.DocumentUpdates.increment;
import static io.tributary.query.support.DocumentUpdates.max;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * The {@code sessions} collection ({@code _id} = sessionId) and the projection's merge map
 * {@code session_merges}. {@code profileId} is only ever set on insert, except by a move, so a late or
 * redelivered event never takes a moved session back.
 */
final class SessionRepository {

    private static final String SESSIONS = "sessions";
    private static final String PROFILE_ID = "profileId";
    private static final String LAST_ACTIVITY = "lastActivityAt";
    /** More record ids than one session receives in one processor batch: redelivery is at most a batch. */
    private static final AtMostOnce RECORDS = new AtMostOnce("countedRecordIds", 1000);
    private static final Comparator<SessionView> BY_START = Comparator
            .comparing(SessionView::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SessionView::sessionId);

    private final MongoCollection<Document> sessions;
    private final MergeMap merges;

    SessionRepository(MongoDatabase database) {
        this.sessions = database.getCollection(SESSIONS);
        this.merges = new MergeMap(database, "session_merges");
        sessions.createIndex(Indexes.ascending(PROFILE_ID, "startedAt"));
    }

    /** Reads the sessions the batch's events will change. */
    void load(DocumentBatch batch, Collection<String> sessionIds) {
        batch.collection(SESSIONS).load(sessionIds);
    }

    void start(DocumentBatch batch, SessionStarted e) {
        Document session = sessions(batch).upsert(e.sessionId(), inserted -> inserted.put(PROFILE_ID, e.profileId()));
        session.put("startedAt", toDate(e.startedAt()));
        max(session, LAST_ACTIVITY, toDate(e.startedAt()));
        session.put("channelGroup", e.channelGroup());
        session.put("channel", e.channel());
        session.put("campaign", e.campaign());
        session.put("adSet", e.adSet());
        session.put("ad", e.ad());
        session.put("landingUrl", e.landingUrl());
        session.put("referrer", e.referrer());
    }

    /** A session restated under newer channel rules keeps its landing, referrer and counts. */
    void reclassify(DocumentBatch batch, SessionReclassified e) {
        Document session = sessions(batch).upsert(e.sessionId(), inserted -> inserted.put(PROFILE_ID, e.profileId()));
        session.put("channelGroup", e.channelGroup());
        session.put("channel", e.channel());
        session.put("campaign", e.campaign());
        session.put("adSet", e.adSet());
        session.put("ad", e.ad());
    }

    void countEvent(DocumentBatch batch, String sessionId, String profileId, String recordId, Instant timestamp) {
        RECORDS.apply(sessions(batch), sessionId, recordId, inserted -> inserted.put(PROFILE_ID, profileId), session -> {
            increment(session, "eventCount");
            max(session, LAST_ACTIVITY, toDate(timestamp));
        });
    }

    void move(DocumentBatch batch, String sessionId, String toProfileId) {
        sessions(batch).upsert(sessionId).put(PROFILE_ID, toProfileId);
    }

    void recordMerge(DocumentBatch batch, String mergedProfileId, String survivorProfileId) {
        merges.record(batch, mergedProfileId, survivorProfileId);
    }

    void forgetMerge(DocumentBatch batch, String splitProfileId) {
        merges.forget(batch, splitProfileId);
    }

    /** The sessions of the survivor {@code profileId} resolves to and of every profile merged into it. */
    List<SessionView> ofProfile(String profileId) {
        String survivor = merges.resolve(profileId);
        List<SessionView> views = new ArrayList<>();
        sessions.find(in(PROFILE_ID, merges.members(survivor))).forEach(d -> views.add(new SessionView(
                d.getString("_id"), survivor, toInstant(d.getDate("startedAt")),
                toInstant(d.getDate(LAST_ACTIVITY)), d.getString("channelGroup"), d.getString("channel"),
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

    private static BatchedCollection sessions(DocumentBatch batch) {
        return batch.collection(SESSIONS);
    }
}
