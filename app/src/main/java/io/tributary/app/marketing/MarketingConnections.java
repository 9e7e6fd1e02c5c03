package io.tributary.app.marketing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.app.marketing.connector.MarketingConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Where the connectors find an account and its credentials: the {@code marketing_connections} collection, apart
 * from the events and the read models so that secrets never reach either. Secrets are stored as given (protect
 * the database); see docs/marketing.md.
 */
public class MarketingConnections {

    private static final String CREDENTIALS = "credentials";

    private final MongoCollection<Document> connections;

    public MarketingConnections(MongoDatabase database) {
        this.connections = database.getCollection("marketing_connections");
    }

    public void save(MarketingConnection connection) {
        Document doc = new Document("_id", connection.marketingSourceId())
                .append("platform", connection.platform().name()).append("accountId", connection.accountId())
                .append("currency", connection.currency()).append("apiBaseUrl", connection.apiBaseUrl())
                .append("options", new Document(new LinkedHashMap<>(connection.options())))
                .append(CREDENTIALS, new Document(new LinkedHashMap<>(connection.credentials())));
        connections.replaceOne(Filters.eq("_id", connection.marketingSourceId()), doc, new ReplaceOptions().upsert(true));
    }

    public void replaceCredentials(String marketingSourceId, Map<String, String> credentials) {
        connections.updateOne(Filters.eq("_id", marketingSourceId),
                Updates.set(CREDENTIALS, new Document(new LinkedHashMap<>(credentials))));
    }

    public void delete(String marketingSourceId) {
        connections.deleteOne(Filters.eq("_id", marketingSourceId));
    }

    public Optional<MarketingConnection> find(String marketingSourceId) {
        return Optional.ofNullable(connections.find(Filters.eq("_id", marketingSourceId)).first())
                .map(MarketingConnections::connection);
    }

    private static MarketingConnection connection(Document doc) {
        return new MarketingConnection(doc.getString("_id"), AdPlatform.valueOf(doc.getString("platform")),
                doc.getString("accountId"), doc.getString("currency"), doc.getString("apiBaseUrl"),
                strings(doc.get("options", Document.class)), strings(doc.get(CREDENTIALS, Document.class)));
    }

    private static Map<String, String> strings(Document doc) {
        Map<String, String> map = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((key, value) -> map.put(key, String.valueOf(value)));
        }
        return map;
    }
}
