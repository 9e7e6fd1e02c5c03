package io.tributary.app.marketing.oauth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.secret.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Tokens obtained by a "Connect" while the user picks the accounts that become sources, in
 * {@code marketing_oauth_grants}: sealed like every stored credential, bound to the session, expiring, and deleted
 * once used. The page shows the grant's random id, never a token.
 */
class OAuthGrants {

    private final MongoCollection<Document> grants;
    private final SecretBox box;
    private final Duration lifetime;
    private final Clock clock;

    OAuthGrants(MongoDatabase database, SecretBox box, Duration lifetime, Clock clock) {
        this.grants = database.getCollection("marketing_oauth_grants");
        this.box = box;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    record Grant(String id, AdPlatform platform, Map<String, String> credentials, List<AdAccount> accounts) {
        @Override
        public String toString() {
            return "Grant[" + platform + ", " + accounts.size() + " accounts]";
        }
    }

    String save(AdPlatform platform, String session, Map<String, String> credentials, List<AdAccount> accounts) {
        grants.deleteMany(Filters.lt("expiresAt", Date.from(clock.instant())));
        String id = OAuthStates.randomToken();
        Document sealed = new Document();
        credentials.forEach((name, value) -> sealed.append(name, box.seal(value)));
        List<Document> listed = accounts.stream().map(account -> new Document("id", account.id())
                .append("name", account.name()).append("currency", account.currency())).toList();
        grants.insertOne(new Document("_id", id).append("platform", platform.name())
                .append("session", OAuthStates.hash(session)).append("credentials", sealed).append("accounts", listed)
                .append("expiresAt", Date.from(clock.instant().plus(lifetime))));
        return id;
    }

    /** The grant, when it exists, has not expired and belongs to this session. */
    Optional<Grant> find(String id, String session) {
        Document found = id == null || session == null ? null : grants.find(Filters.eq("_id", id)).first();
        if (found == null || !OAuthStates.hash(session).equals(found.getString("session"))
                || !found.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        found.get("credentials", Document.class).forEach((name, value) -> credentials.put(name, box.open((String) value)));
        List<AdAccount> accounts = new ArrayList<>();
        found.getList("accounts", Document.class).forEach(account -> accounts.add(new AdAccount(account.getString("id"),
                account.getString("name"), account.getString("currency"))));
        return Optional.of(new Grant(id, AdPlatform.valueOf(found.getString("platform")), credentials, accounts));
    }

    void delete(String id) {
        grants.deleteOne(Filters.eq("_id", id));
    }
}
