package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.session.SessionStarted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.set;

/**
 * {@code attribution_traffic_days}: per UTC day ({@code _id} = yyyy-MM-dd) the sessions started, counted per
 * traffic source ({@code counts.<key>}, with the source's values under {@code sources.<key>}). Each session counts
 * once: the day remembers the last session ids it counted, more than one processor batch can redeliver, and the
 * count and the id are written in one atomic update. Reads and writes go by {@code _id} only, so that the embedded
 * store uses its index too; a session's events are handled in order, so the check cannot race with itself.
 */
final class TrafficRepository {

    private static final int SESSION_WINDOW = 1000;
    private static final String COUNTED = "countedSessionIds";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> days;

    TrafficRepository(MongoDatabase database) {
        days = database.getCollection("attribution_traffic_days");
    }

    void count(SessionStarted session) {
        Touch touch = new Touch(session.channelGroup(), session.channel(), session.campaign(), session.adSet(),
                session.ad());
        String key = keyOf(touch);
        String day = ConversionRepository.dayOf(session.startedAt()).toString();
        Document counted = days.find(eq("_id", day)).projection(include(COUNTED)).first();
        if (counted != null && counted.getList(COUNTED, String.class, List.of()).contains(session.sessionId())) {
            return;
        }
        days.updateOne(eq("_id", day), combine(inc("counts." + key, 1),
                set("sources." + key, TouchDocuments.toDocument(touch)),
                pushEach(COUNTED, List.of(session.sessionId()), new PushOptions().slice(-SESSION_WINDOW))), UPSERT);
    }

    List<TrafficBucket> on(Collection<LocalDate> dates) {
        List<TrafficBucket> buckets = new ArrayList<>();
        ByIds.find(days, dates.stream().map(LocalDate::toString).toList(), day -> {
            LocalDate date = LocalDate.parse(day.getString("_id"));
            Document counts = day.get("counts", Document.class);
            Document sources = day.get("sources", Document.class);
            counts.forEach((key, count) -> buckets.add(new TrafficBucket(date,
                    TouchDocuments.touchOf(sources.get(key, Document.class)), ((Number) count).longValue())));
        });
        return buckets;
    }

    void clear() {
        days.deleteMany(empty());
    }

    /** A field-name-safe digest of the traffic source's values. */
    private static String keyOf(Touch touch) {
        String joined = Stream.of(touch.channelGroup(), touch.channel(), touch.campaign(), touch.adSet(), touch.ad())
                .map(v -> v == null ? "\u0000" : v).collect(Collectors.joining("\u0001"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
