package io.tributary.query.profile;

import io.tributary.api.profile.ProfileView;
import io.tributary.api.profile.PropertyValue;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tributary.query.support.MongoValues.fromBson;
import static io.tributary.query.support.MongoValues.toBson;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;
import static io.tributary.query.support.MongoValues.unescapeKey;

/**
 * One document per profile id, {@code _id} = profileId, holding only what was recorded on that id:
 * {@code aliases}, {@code properties} ({@code {escapedKey: {v, at}}}), {@code firstSeen}/{@code lastSeen},
 * {@code eventCount}/{@code sessionCount} (with the recent record and session ids that make them idempotent),
 * {@code mergedInto} (its survivor) and {@code mergedProfileIds} (profiles merged directly into it).
 * The view of a survivor is assembled from its document and those of every profile merged into it, so counts
 * and properties recorded on a merged profile in any order, before or after the merge, all end up on it.
 */
final class ProfileDocument {

    static final String ALIASES = "aliases";
    static final String PROPERTIES = "properties";
    static final String MERGED_INTO = "mergedInto";
    static final String MERGED_PROFILE_IDS = "mergedProfileIds";
    static final String COUNTED_RECORDS = "countedRecordIds";
    static final String COUNTED_SESSIONS = "countedSessionIds";

    private ProfileDocument() {
    }

    static Document property(PropertyValue value) {
        return new Document("v", toBson(value.value())).append("at", toDate(value.at()));
    }

    /** Whether a value set at {@code at} replaces {@code current}: the latest event time wins, ties go to the newer. */
    static boolean wins(Instant at, Document current) {
        Date currentAt = current == null ? null : current.getDate("at");
        return current == null || at == null || currentAt == null || !at.isBefore(currentAt.toInstant());
    }

    /** @param members the survivor's document first, then those of the profiles merged into it */
    static ProfileView toView(List<Document> members) {
        Set<String> aliases = new LinkedHashSet<>();
        Map<String, Document> properties = new LinkedHashMap<>();
        Instant firstSeen = null;
        Instant lastSeen = null;
        long eventCount = 0;
        long sessionCount = 0;
        for (Document member : members) {
            aliases.addAll(member.getList(ALIASES, String.class, List.of()));
            Document memberProperties = member.get(PROPERTIES, new Document());
            memberProperties.forEach((key, value) -> {
                Document property = (Document) value;
                if (!properties.containsKey(key) || isLater(property, properties.get(key))) {
                    properties.put(key, property);
                }
            });
            firstSeen = earliest(firstSeen, toInstant(member.getDate("firstSeen")));
            lastSeen = latest(lastSeen, toInstant(member.getDate("lastSeen")));
            eventCount += number(member, "eventCount");
            sessionCount += number(member, "sessionCount");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        properties.forEach((key, property) -> values.put(unescapeKey(key), fromBson(property.get("v"))));
        List<String> mergedProfileIds = new ArrayList<>();
        members.stream().skip(1).forEach(member -> mergedProfileIds.add(member.getString("_id")));
        return new ProfileView(members.get(0).getString("_id"), new ArrayList<>(aliases), values, firstSeen,
                lastSeen, eventCount, sessionCount, mergedProfileIds);
    }

    private static boolean isLater(Document candidate, Document current) {
        Date at = candidate.getDate("at");
        Date currentAt = current.getDate("at");
        return at != null && (currentAt == null || at.after(currentAt));
    }

    private static long number(Document document, String field) {
        Number number = document.get(field, Number.class);
        return number == null ? 0 : number.longValue();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
