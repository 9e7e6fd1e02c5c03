package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.support.AtMostOnce;
import io.tributary.query.support.DocumentBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.empty;
import static io.tributary.query.support.DocumentUpdates.child;
import static io.tributary.query.support.DocumentUpdates.increment;

/**
 * {@code attribution_traffic_days}: per UTC day ({@code _id} = yyyy-MM-dd) the sessions started, counted per
 * traffic source ({@code counts.<key>}, with the source's values under {@code sources.<key>}). Each session counts
 * once: the day remembers the last session ids it counted, more than one processor batch can redeliver, and the
 * count and the id are written together. The handler works on the {@link DocumentBatch} of its processor batch; reads
 * and writes go by {@code _id} only, so that the embedded store uses its index too.
 */
final class TrafficRepository {

    private static final String DAYS = "attribution_traffic_days";
    /** More session ids than a day receives in one processor batch: redelivery is at most a batch. */
    private static final AtMostOnce SESSIONS = new AtMostOnce("countedSessionIds", 1000);
    private static final Bson COUNTS = Projections.include("counts", "sources");

    private final MongoCollection<Document> days;

    TrafficRepository(MongoDatabase database) {
        days = database.getCollection(DAYS);
    }

    /** Reads the days the batch's sessions started on. */
    void load(DocumentBatch batch, Collection<Instant> startedAt) {
        batch.collection(DAYS).load(startedAt.stream().filter(Objects::nonNull).map(TrafficRepository::dayOf).distinct().toList());
    }

    void count(DocumentBatch batch, SessionStarted session) {
        Touch touch = new Touch(session.channelGroup(), session.channel(), session.campaign(), session.adSet(),
                session.ad());
        String key = keyOf(touch);
        SESSIONS.apply(batch.collection(DAYS), dayOf(session.startedAt()), session.sessionId(), day -> {
            increment(child(day, "counts"), key);
            child(day, "sources").put(key, TouchDocuments.toDocument(touch));
        });
    }

    void reclassify(DocumentBatch batch, SessionReclassified e) {
        Touch from = new Touch(e.previousChannelGroup(), e.previousChannel(), e.previousCampaign(), e.previousAdSet(),
                e.previousAd());
        Touch to = new Touch(e.channelGroup(), e.channel(), e.campaign(), e.adSet(), e.ad());
        String once = e.sessionId() + "@" + e.rulesVersion();
        SESSIONS.apply(batch.collection(DAYS), dayOf(e.startedAt()), once, day -> {
            Document counts = child(day, "counts");
            String fromKey = keyOf(from);
            long left = counts.get(fromKey, Number.class) == null ? 0 : counts.get(fromKey, Number.class).longValue() - 1;
            if (left > 0) {
                counts.put(fromKey, left);
            } else {
                counts.remove(fromKey);
                child(day, "sources").remove(fromKey);
            }
            increment(counts, keyOf(to));
            child(day, "sources").put(keyOf(to), TouchDocuments.toDocument(to));
        });
    }

    private static String dayOf(Instant instant) {
        return ConversionRepository.dayOf(instant).toString();
    }

    /** The sessions of these days per traffic source (without the ids kept against redelivery: up to 1,000 a day). */
    List<TrafficBucket> on(Collection<LocalDate> dates) {
        List<TrafficBucket> buckets = new ArrayList<>();
        ByIds.find(days, dates.stream().map(LocalDate::toString).toList(), COUNTS, day -> {
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
    static String keyOf(Touch touch) {
        return digest(Stream.of(touch.channelGroup(), touch.channel(), touch.campaign(), touch.adSet(), touch.ad()));
    }

    /** A field-name-safe digest of these values (nulls included). */
    static String digest(Stream<String> values) {
        String joined = values.map(v -> v == null ? "\u0000" : v).collect(Collectors.joining("\u0001"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
