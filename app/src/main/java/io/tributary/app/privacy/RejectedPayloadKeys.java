package io.tributary.app.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * A rejected payload belongs to no profile, so it is sealed with a key of its own ({@code personal_data_keys}, id
 * {@code rejected/<recordId>}), under the retention seal of its source's month. Erasing a person deletes the keys of
 * the rejected payloads that quote one of their personal alias values (found in the event log, where payloads read
 * in clear until then).
 */
public class RejectedPayloadKeys {

    static final String PREFIX = "rejected/";
    /** Shorter values would match payloads that are not about the person. */
    private static final int SHORTEST_VALUE = 5;

    private final DataKeys keys;
    private final MongoCollection<Document> eventLog;
    private final List<String> personalAliasTypes;

    public RejectedPayloadKeys(DataKeys keys, MongoDatabase database, List<String> personalAliasTypes) {
        this.keys = keys;
        this.eventLog = database.getCollection("eventlog");
        this.personalAliasTypes = personalAliasTypes;
    }

    /** Deletes the keys of the rejected payloads that quote the value of any personal alias; answers how many. */
    public int eraseQuotingAliases(Collection<String> aliases) {
        return eraseQuoting(aliases.stream().map(this::personalValue).filter(value -> value != null).toList());
    }

    static String keyId(String recordId) {
        return PREFIX + recordId;
    }

    /** Deletes the keys of the rejected payloads that quote any of the values; answers how many. */
    int eraseQuoting(Collection<String> values) {
        Set<String> recordIds = new LinkedHashSet<>();
        values.stream().filter(value -> value != null && value.length() >= SHORTEST_VALUE).distinct()
                .forEach(value -> eventLog.find(Filters.and(Filters.eq("status", "rejected"),
                                Filters.regex("payload", Pattern.quote(value), "i")))
                        .projection(Projections.include("_id"))
                        .forEach(entry -> recordIds.add(entry.getString("_id"))));
        List<String> ids = recordIds.stream().map(RejectedPayloadKeys::keyId).toList();
        if (!ids.isEmpty()) {
            keys.delete(ids);
        }
        return ids.size();
    }

    /** The value of a personal alias ({@code urn:email:ada@example.com} → {@code ada@example.com}), else null. */
    private String personalValue(String alias) {
        int typeEnd = alias != null && alias.startsWith("urn:") ? alias.indexOf(':', 4) : -1;
        if (typeEnd < 0 || !personalAliasTypes.contains(alias.substring(4, typeEnd))) {
            return null;
        }
        String value = alias.substring(typeEnd + 1);
        return PersonalFieldCipher.ERASED.equals(value) ? null : value;
    }
}
