package io.tributary.command.source;

import io.tributary.api.intake.SourceCredentials;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceTokenRotated;
import io.tributary.api.source.SourceType;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * Token → source lookup for authenticating intake. A command-side lookup, kept by a subscribing processor in
 * the same unit of work as the source's events, and read on every tracked request (cached in memory).
 */
@ProcessingGroup(SourceTokenIndex.PROCESSING_GROUP)
public class SourceTokenIndex {

    public static final String PROCESSING_GROUP = "source-tokens";
    private static final String SOURCE_ID = "sourceId";

    private final MongoCollection<Document> tokens;
    private final CachedLookup<SourceCredentials> cache;

    public SourceTokenIndex(MongoDatabase database) {
        this.tokens = database.getCollection("source_tokens");
        this.cache = new CachedLookup<>(tokens, SourceTokenIndex::credentials);
        tokens.createIndex(new Document(SOURCE_ID, 1));
    }

    public Optional<SourceCredentials> find(String token) {
        return cache.find(token);
    }

    @EventHandler
    void on(SourceCreated event) {
        Document doc = new Document("_id", event.token()).append(SOURCE_ID, event.sourceId())
                .append("type", event.type().name()).append("enabled", true)
                .append("allowedOrigins", event.allowedOrigins() == null ? List.of("*") : event.allowedOrigins())
                .append("dataLayer", Boolean.TRUE.equals(event.dataLayer()));
        tokens.replaceOne(Filters.eq("_id", event.token()), doc, new ReplaceOptions().upsert(true));
        cache.forget(event.token());
    }

    @EventHandler
    void on(SourceDisabled event) {
        setEnabled(event.sourceId(), false);
    }

    @EventHandler
    void on(SourceEnabled event) {
        setEnabled(event.sourceId(), true);
    }

    @EventHandler
    void on(SourceTokenRotated event) {
        Document old = tokens.find(Filters.eq("_id", event.previousToken())).first();
        if (old == null) {
            return;
        }
        tokens.replaceOne(Filters.eq("_id", event.token()), old.append("_id", event.token()),
                new ReplaceOptions().upsert(true));
        tokens.deleteOne(Filters.eq("_id", event.previousToken()));
        cache.forgetAll();
    }

    private void setEnabled(String sourceId, boolean enabled) {
        tokens.updateMany(Filters.eq(SOURCE_ID, sourceId), Updates.set("enabled", enabled));
        cache.forgetAll();
    }

    @SuppressWarnings("unchecked")
    private static SourceCredentials credentials(Document doc) {
        return new SourceCredentials(doc.getString(SOURCE_ID), SourceType.valueOf(doc.getString("type")),
                doc.getBoolean("enabled", true), (List<String>) doc.get("allowedOrigins", List.class),
                doc.getBoolean("dataLayer", false));
    }
}
