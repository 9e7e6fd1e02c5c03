package io.tributary.command.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRuleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom channel rules in force: a command-side lookup written when a change commits, so that every node
 * classifies new sessions with them. This node sees its own changes at once, other nodes' within
 * {@link #REFRESH}.
 */
public class ChannelRulesInForce implements Supplier<ChannelRuleSet> {

    private static final Logger log = LoggerFactory.getLogger(ChannelRulesInForce.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final String CURRENT = "current";

    private final MongoCollection<Document> collection;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Clock clock;
    private volatile ChannelRuleSet cached;
    private volatile Instant readAt = Instant.MIN;

    public ChannelRulesInForce(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection("channel_rules");
        this.clock = clock;
    }

    @Override
    public ChannelRuleSet get() {
        Instant now = clock.instant();
        if (cached == null || readAt.plus(REFRESH).isBefore(now)) {
            cached = read();
            readAt = now;
        }
        return cached;
    }

    /** Called when a change has been recorded; an older version never replaces a newer one. */
    void record(long version, List<ChannelRule> rules) {
        collection.replaceOne(Filters.and(Filters.eq("_id", CURRENT), Filters.lt("version", version)),
                new Document("_id", CURRENT).append("version", version).append("rules", write(rules)),
                new ReplaceOptions().upsert(false));
        if (collection.countDocuments(Filters.eq("_id", CURRENT)) == 0) {
            collection.insertOne(new Document("_id", CURRENT).append("version", version).append("rules", write(rules)));
        }
        cached = read();
        readAt = clock.instant();
    }

    private ChannelRuleSet read() {
        Document current = collection.find(Filters.eq("_id", CURRENT)).first();
        if (current == null) {
            return ChannelRuleSet.BUILT_IN;
        }
        try {
            List<ChannelRule> rules = json.readValue(current.getString("rules"), new TypeReference<>() { });
            return new ChannelRuleSet(current.get("version", Number.class).longValue(), rules);
        } catch (JsonProcessingException unreadable) {
            log.error("the stored channel rules (collection channel_rules) cannot be read; keeping the rules read before",
                    unreadable);
            return cached == null ? ChannelRuleSet.BUILT_IN : cached;
        }
    }

    private String write(List<ChannelRule> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException(bug);
        }
    }
}
