package io.tributary.command.ingestion;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.intake.Suppression;
import io.tributary.api.secret.KeyedHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;

/**
 * The aliases of erased people, by keyed hash only ({@code suppressions}): a later tracked event carrying one is
 * counted anonymously (no aliases, no profile properties, no personal properties: it stitches to no one and
 * re-creates no one), or dropped when the shop says so. Held in memory on each node, read at start.
 */
public class Suppressions {

    private final MongoCollection<Document> stored;
    private final Function<String, String> hashOf;
    private final AliasRules aliasRules;
    private final List<String> personalProperties;
    private final boolean drop;
    private final Set<String> hashes = ConcurrentHashMap.newKeySet();

    public Suppressions(MongoDatabase database, KeyedHash keyedHash, AliasRules aliasRules,
                        List<String> personalProperties, boolean drop) {
        this.stored = database.getCollection("suppressions");
        this.hashOf = keyedHash::hash;
        this.aliasRules = aliasRules;
        this.personalProperties = List.copyOf(personalProperties);
        this.drop = drop;
        stored.find().forEach(d -> hashes.add(d.getString("_id")));
    }

    public void suppress(Collection<String> aliases, Instant since) {
        for (String alias : aliases) {
            String hash = hashOf.apply(alias);
            stored.replaceOne(Filters.eq("_id", hash), new Document("_id", hash).append("since", Date.from(since)),
                    new ReplaceOptions().upsert(true));
            hashes.add(hash);
        }
    }

    public List<Suppression> list() {
        List<Suppression> all = new ArrayList<>();
        stored.find().sort(Sorts.ascending("since")).forEach(d -> all.add(
                new Suppression(d.getString("_id"), d.getDate("since").toInstant())));
        return all;
    }

    public boolean lift(String hash) {
        hashes.remove(hash);
        return stored.deleteOne(Filters.eq("_id", hash)).getDeletedCount() == 1;
    }

    /** The intake as it may be recorded: as it is, anonymised, or empty (dropped) when it carries a suppressed alias. */
    public Optional<Intake> apply(Intake intake) {
        if (hashes.isEmpty() || intake.event().aliases().stream().noneMatch(this::isSuppressed)) {
            return Optional.of(intake);
        }
        if (drop) {
            return Optional.empty();
        }
        TrackedEvent event = intake.event();
        Map<String, Object> properties = new LinkedHashMap<>(event.properties());
        properties.keySet().removeAll(personalProperties);
        TrackedEvent anonymous = new TrackedEvent(event.eventName(), event.eventId(), properties, Map.of(), List.of(),
                event.timestamp(), event.timestampOffset(), event.flags());
        return Optional.of(new Intake(intake.recordId(), intake.sourceId(), intake.sourceType(), intake.receivedAt(),
                anonymous, intake.deliveryId(), intake.recordOnce()));
    }

    private boolean isSuppressed(String rawAlias) {
        ParsedAlias alias = aliasRules.parse(rawAlias);
        return alias.isValid() && hashes.contains(hashOf.apply(alias.urn()));
    }
}
