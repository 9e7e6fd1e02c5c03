package io.tributary.app.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Privacy settings of a browser source ({@code source_privacy}): whether its pixel waits for the visitor's
 * analytics consent before it stores an id or sends anything. Off unless set.
 */
@Component
public class SourcePrivacy {

    private final MongoCollection<Document> settings;

    SourcePrivacy(MongoDatabase database) {
        this.settings = database.getCollection("source_privacy");
    }

    public boolean requiresConsent(String sourceId) {
        Document found = settings.find(Filters.eq("_id", sourceId)).first();
        return found != null && found.getBoolean("requireConsent", false);
    }

    void requireConsent(String sourceId, boolean required) {
        settings.replaceOne(Filters.eq("_id", sourceId), new Document("_id", sourceId).append("requireConsent", required),
                new ReplaceOptions().upsert(true));
    }
}
