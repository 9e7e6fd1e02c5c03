package io.tributary.app.marketing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.secret.SecretBoxException;
import io.tributary.app.marketing.connector.MarketingConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;

/**
 * Where the connectors find an account and its credentials: the {@code marketing_connections} collection, apart
 * from the events and the read models so that secrets never reach either. Each credential value is kept sealed
 * ({@link SecretBox}) and opened when a connector reads it; values an older version kept in clear are sealed when
 * this starts. See docs/marketing.md.
 */
public class MarketingConnections {

    private static final String CREDENTIALS = "credentials";

    private final MongoCollection<Document> connections;
    private final SecretBox box;

    public MarketingConnections(MongoDatabase database, SecretBox box) {
        this.connections = database.getCollection("marketing_connections");
        this.box = box;
        sealCredentialsKeptInClear();
    }

    public void save(MarketingConnection connection) {
        Document doc = new Document("_id", connection.marketingSourceId())
                .append("platform", connection.platform().name()).append("accountId", connection.accountId())
                .append("currency", connection.currency()).append("apiBaseUrl", connection.apiBaseUrl())
                .append("options", new Document(new LinkedHashMap<>(connection.options())))
                .append(CREDENTIALS, sealed(connection.credentials()));
        connections.replaceOne(Filters.eq("_id", connection.marketingSourceId()), doc, new ReplaceOptions().upsert(true));
    }

    public void replaceCredentials(String marketingSourceId, Map<String, String> credentials) {
        connections.updateOne(Filters.eq("_id", marketingSourceId),
                Updates.set(CREDENTIALS, sealed(credentials)));
    }

    public void delete(String marketingSourceId) {
        connections.deleteOne(Filters.eq("_id", marketingSourceId));
    }

    public Optional<MarketingConnection> find(String marketingSourceId) {
        return Optional.ofNullable(connections.find(Filters.eq("_id", marketingSourceId)).first())
                .map(this::connection);
    }

    private MarketingConnection connection(Document doc) {
        return new MarketingConnection(doc.getString("_id"), AdPlatform.valueOf(doc.getString("platform")),
                doc.getString("accountId"), doc.getString("currency"), doc.getString("apiBaseUrl"),
                strings(doc.get("options", Document.class), UnaryOperator.identity()),
                strings(doc.get(CREDENTIALS, Document.class), box::open));
    }

    private Document sealed(Map<String, String> credentials) {
        Document sealed = new Document();
        credentials.forEach((name, value) -> sealed.append(name, box.seal(value)));
        return sealed;
    }

    /** Seals what an older version kept in clear, and refuses to start on a key that does not open what is sealed. */
    private void sealCredentialsKeptInClear() {
        for (Document doc : connections.find()) {
            Map<String, String> credentials = strings(doc.get(CREDENTIALS, Document.class), UnaryOperator.identity());
            if (credentials.values().stream().anyMatch(value -> !value.isEmpty() && !SecretBox.isSealed(value))) {
                connections.updateOne(Filters.eq("_id", doc.get("_id")), Updates.set(CREDENTIALS, sealed(credentials)));
            }
            credentials.values().stream().filter(SecretBox::isSealed).findFirst().ifPresent(this::openOrRefuse);
        }
    }

    private void openOrRefuse(String sealed) {
        try {
            box.open(sealed);
        } catch (SecretBoxException e) {
            throw new IllegalStateException("The stored ad-platform credentials do not open with this "
                    + "TRIBUTARY_SECRET_KEY: start with the key they were sealed with (changing the key is not supported)", e);
        }
    }

    private static Map<String, String> strings(Document doc, UnaryOperator<String> each) {
        Map<String, String> map = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((key, value) -> map.put(key, each.apply(String.valueOf(value))));
        }
        return map;
    }
}
