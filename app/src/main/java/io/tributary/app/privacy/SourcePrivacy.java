package io.tributary.app.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Privacy settings of a source ({@code source_privacy}): whether its pixel waits for the visitor's analytics consent
 * before it stores an id or sends anything (off unless set), and how many months its tracked events are kept (for
 * ever unless set; written from {@code SourceRetentionSet} by {@link SourceRetentionSettings}).
 */
@Component
public class SourcePrivacy {

    /** The subscribing processor that keeps the retention settings in step with the source events. */
    public static final String RETENTION_SETTINGS = "source-retention";
    private static final String CONSENT = "requireConsent";
    private static final String RETENTION = "retentionMonths";

    private final MongoCollection<Document> settings;

    SourcePrivacy(MongoDatabase database) {
        this.settings = database.getCollection("source_privacy");
    }

    public boolean requiresConsent(String sourceId) {
        Document found = settings.find(Filters.eq("_id", sourceId)).first();
        return found != null && found.getBoolean(CONSENT, false);
    }

    /** Months the source's tracked events are kept; null: for ever. */
    Integer retentionMonths(String sourceId) {
        Document found = settings.find(Filters.eq("_id", sourceId)).first();
        return found == null ? null : found.getInteger(RETENTION);
    }

    /** Every source with a retention, and its months. */
    Map<String, Integer> retentions() {
        Map<String, Integer> found = new LinkedHashMap<>();
        settings.find(Filters.exists(RETENTION)).forEach(setting -> {
            if (setting.get(RETENTION) instanceof Integer months) {
                found.put(setting.getString("_id"), months);
            }
        });
        return found;
    }

    void requireConsent(String sourceId, boolean required) {
        settings.updateOne(Filters.eq("_id", sourceId), Updates.set(CONSENT, required), new UpdateOptions().upsert(true));
    }

    void retain(String sourceId, Integer months) {
        settings.updateOne(Filters.eq("_id", sourceId), months == null ? Updates.unset(RETENTION)
                : Updates.set(RETENTION, months), new UpdateOptions().upsert(true));
    }
}
