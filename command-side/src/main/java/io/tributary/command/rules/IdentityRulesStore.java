package io.tributary.command.rules;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.MongoWriteException;
import io.tributary.api.rules.IdentityRuleSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The identity rules in force and their version, shared by every node through the store (collection
 * {@code identity_rules}): written when the rule book records or keeps a set, read by every node's
 * {@link IdentityRulesVersion}. An older version never replaces a newer one.
 */
public class IdentityRulesStore {

    private static final String CURRENT = "current";

    private final MongoCollection<Document> collection;

    public IdentityRulesStore(MongoDatabase database) {
        this.collection = database.getCollection("identity_rules");
    }

    void record(long version, IdentityRuleSet rules) {
        Document current = new Document("_id", CURRENT).append("version", version).append("rules", write(rules));
        if (collection.replaceOne(Filters.and(Filters.eq("_id", CURRENT), Filters.lt("version", version)), current,
                new ReplaceOptions().upsert(false)).getMatchedCount() > 0) {
            return;
        }
        try {
            collection.insertOne(current);
        } catch (MongoWriteException alreadyThere) {
            // a set of this version or a newer one is recorded already
        }
    }

    Optional<Recorded> read() {
        Document current = collection.find(Filters.eq("_id", CURRENT)).first();
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(new Recorded(current.get("version", Number.class).longValue(),
                read(current.get("rules", Document.class))));
    }

    record Recorded(long version, IdentityRuleSet rules) {
    }

    private static Document write(IdentityRuleSet rules) {
        return new Document("aliasLimits", new Document(new LinkedHashMap<>(rules.aliasLimits())))
                .append("blockedValues", rules.blockedValues())
                .append("aliasPriority", rules.aliasPriority())
                .append("sessionTimeout", rules.sessionTimeout() == null ? null : rules.sessionTimeout().toString());
    }

    private static IdentityRuleSet read(Document rules) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        rules.get("aliasLimits", Document.class).forEach((type, max) -> limits.put(type, ((Number) max).intValue()));
        String timeout = rules.getString("sessionTimeout");
        return new IdentityRuleSet(limits, rules.getList("blockedValues", String.class),
                rules.getList("aliasPriority", String.class), timeout == null ? null : Duration.parse(timeout));
    }
}
