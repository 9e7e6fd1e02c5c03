package io.tributary.command.source;

import io.tributary.api.intake.CommerceCredentials;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.SigningSecretRotated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceType;
import java.util.Date;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * Source → store secrets, for checking webhook signatures and calling the store's API. A command-side lookup kept
 * in the same unit of work as the source's events (the subscribing {@code source-tokens} group), read on every
 * store webhook (cached in memory). The query side only ever sees masked secrets.
 */
@ProcessingGroup(SourceTokenIndex.PROCESSING_GROUP)
public class SourceSecrets {

    private static final String ENABLED = "enabled";

    private final MongoCollection<Document> secrets;
    private final CachedLookup<CommerceCredentials> cache;

    public SourceSecrets(MongoDatabase database) {
        this.secrets = database.getCollection("source_secrets");
        this.cache = new CachedLookup<>(secrets, SourceSecrets::credentials);
    }

    public Optional<CommerceCredentials> find(String sourceId) {
        return cache.find(sourceId);
    }

    @EventHandler
    void on(CommerceStoreConnected event) {
        CommerceStore store = event.store();
        Document doc = new Document("_id", event.sourceId()).append("type", event.type().name())
                .append(ENABLED, true).append("storeUrl", store.storeUrl())
                .append("signingSecret", store.signingSecret()).append("adminApiToken", store.adminApiToken())
                .append("consumerKey", store.consumerKey()).append("consumerSecret", store.consumerSecret());
        secrets.replaceOne(Filters.eq("_id", event.sourceId()), doc, new ReplaceOptions().upsert(true));
        cache.forget(event.sourceId());
    }

    @EventHandler
    void on(SigningSecretRotated event) {
        secrets.updateOne(Filters.eq("_id", event.sourceId()), Updates.combine(
                Updates.set("signingSecret", event.signingSecret()),
                Updates.set("previousSecret", event.previousSecret()),
                Updates.set("previousValidUntil", Date.from(event.previousValidUntil()))));
        cache.forget(event.sourceId());
    }

    @EventHandler
    void on(SourceDisabled event) {
        setEnabled(event.sourceId(), false);
    }

    @EventHandler
    void on(SourceEnabled event) {
        setEnabled(event.sourceId(), true);
    }

    private void setEnabled(String sourceId, boolean enabled) {
        secrets.updateOne(Filters.eq("_id", sourceId), Updates.set(ENABLED, enabled));
        cache.forget(sourceId);
    }

    private static CommerceCredentials credentials(Document doc) {
        Date validUntil = doc.getDate("previousValidUntil");
        return new CommerceCredentials(doc.getString("_id"), SourceType.valueOf(doc.getString("type")),
                doc.getBoolean(ENABLED, true), doc.getString("storeUrl"), doc.getString("signingSecret"),
                doc.getString("previousSecret"), validUntil == null ? null : validUntil.toInstant(),
                doc.getString("adminApiToken"), doc.getString("consumerKey"), doc.getString("consumerSecret"));
    }
}
