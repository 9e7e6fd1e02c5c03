package io.tributary.command.source;

import io.tributary.api.intake.CommerceCredentials;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.secret.SecretBoxException;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.SigningSecretRotated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceType;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * Source → store secrets, for checking webhook signatures and calling the store's API. A command-side lookup kept
 * in the same unit of work as the source's events (the subscribing {@code source-tokens} group), read on every
 * store webhook (cached in memory). The query side only ever sees masked secrets.
 * <p>
 * Secrets are kept sealed ({@link SecretBox}) and opened when read; values kept in clear by an older version are
 * sealed when this lookup starts.
 */
@ProcessingGroup(SourceTokenIndex.PROCESSING_GROUP)
public class SourceSecrets {

    private static final String ENABLED = "enabled";
    private static final List<String> SECRET_FIELDS =
            List.of("signingSecret", "previousSecret", "adminApiToken", "consumerKey", "consumerSecret");

    private final MongoCollection<Document> secrets;
    private final SecretBox box;
    private final CachedLookup<CommerceCredentials> cache;

    public SourceSecrets(MongoDatabase database, SecretBox box) {
        this.secrets = database.getCollection("source_secrets");
        this.box = box;
        this.cache = new CachedLookup<>(secrets, this::credentials);
        sealSecretsKeptInClear();
    }

    public Optional<CommerceCredentials> find(String sourceId) {
        return cache.find(sourceId);
    }

    @EventHandler
    void on(CommerceStoreConnected event) {
        CommerceStore store = event.store();
        Document doc = new Document("_id", event.sourceId()).append("type", event.type().name())
                .append(ENABLED, true).append("storeUrl", store.storeUrl())
                .append("signingSecret", box.seal(store.signingSecret()))
                .append("adminApiToken", box.seal(store.adminApiToken()))
                .append("consumerKey", box.seal(store.consumerKey()))
                .append("consumerSecret", box.seal(store.consumerSecret()));
        secrets.replaceOne(Filters.eq("_id", event.sourceId()), doc, new ReplaceOptions().upsert(true));
        cache.forget(event.sourceId());
    }

    @EventHandler
    void on(SigningSecretRotated event) {
        secrets.updateOne(Filters.eq("_id", event.sourceId()), Updates.combine(
                Updates.set("signingSecret", box.seal(event.signingSecret())),
                Updates.set("previousSecret", box.seal(event.previousSecret())),
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

    private CommerceCredentials credentials(Document doc) {
        Date validUntil = doc.getDate("previousValidUntil");
        return new CommerceCredentials(doc.getString("_id"), SourceType.valueOf(doc.getString("type")),
                doc.getBoolean(ENABLED, true), doc.getString("storeUrl"), opened(doc, "signingSecret"),
                opened(doc, "previousSecret"), validUntil == null ? null : validUntil.toInstant(),
                opened(doc, "adminApiToken"), opened(doc, "consumerKey"), opened(doc, "consumerSecret"));
    }

    private String opened(Document doc, String field) {
        return box.open(doc.getString(field));
    }

    /** Seals what an older version kept in clear, and refuses to start on a key that does not open what is sealed. */
    private void sealSecretsKeptInClear() {
        for (Document doc : secrets.find()) {
            for (String field : SECRET_FIELDS) {
                if (!(doc.get(field) instanceof String value) || value.isEmpty()) {
                    continue;
                }
                if (!SecretBox.isSealed(value)) {
                    secrets.updateOne(Filters.eq("_id", doc.get("_id")), Updates.set(field, box.seal(value)));
                } else {
                    openOrRefuse(value);
                }
            }
        }
    }

    private void openOrRefuse(String sealed) {
        try {
            box.open(sealed);
        } catch (SecretBoxException e) {
            throw new IllegalStateException("The stored store secrets do not open with this TRIBUTARY_SECRET_KEY: start "
                    + "with the key they were sealed with (changing the key is not supported)", e);
        }
    }
}
