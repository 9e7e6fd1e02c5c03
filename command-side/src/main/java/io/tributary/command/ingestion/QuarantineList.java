package io.tributary.command.ingestion;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.api.identity.AliasQuarantineLifted;
import io.tributary.api.identity.AliasQuarantined;
import io.tributary.api.identity.QuarantinedAliasView;
import io.tributary.command.source.SourceTokenIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * The quarantined aliases: values that stitch nothing, on top of the configured blocked values. A command-side
 * lookup built only from {@link AliasQuarantined} and {@link AliasQuarantineLifted}, kept by the subscribing
 * {@code source-tokens} group in the unit of work that records them and rebuilt by {@link #rebuild}. Intake asks it
 * for every alias, so it answers from memory, re-read from the store every few seconds for other nodes' changes.
 */
@ProcessingGroup(SourceTokenIndex.PROCESSING_GROUP)
public class QuarantineList implements Predicate<String> {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final MongoCollection<Document> quarantined;
    private final Clock clock;
    private volatile Map<String, QuarantinedAliasView> current = Map.of();
    private volatile Instant readAt = Instant.MIN;

    public QuarantineList(MongoDatabase database, Clock clock) {
        this.quarantined = database.getCollection("alias_quarantine");
        this.clock = clock;
    }

    /** True when the normalised alias urn is quarantined. */
    @Override
    public boolean test(String urn) {
        return urn != null && fresh().containsKey(urn);
    }

    /** Every quarantined alias, oldest first. */
    public List<QuarantinedAliasView> all() {
        List<QuarantinedAliasView> all = new ArrayList<>(fresh().values());
        all.sort(Comparator.comparing(QuarantinedAliasView::at).thenComparing(QuarantinedAliasView::alias));
        return all;
    }

    public void rebuild(Iterable<?> payloads) {
        quarantined.deleteMany(new Document());
        payloads.forEach(payload -> {
            if (payload instanceof AliasQuarantined q) {
                on(q);
            } else if (payload instanceof AliasQuarantineLifted l) {
                on(l);
            }
        });
        reread();
    }

    @EventHandler
    void on(AliasQuarantined event) {
        quarantined.replaceOne(Filters.eq("_id", event.alias()), new Document("_id", event.alias())
                .append("reason", event.reason()).append("operator", event.operator())
                .append("at", java.util.Date.from(event.at())), new ReplaceOptions().upsert(true));
        reread();
    }

    @EventHandler
    void on(AliasQuarantineLifted event) {
        quarantined.deleteOne(Filters.eq("_id", event.alias()));
        reread();
    }

    private Map<String, QuarantinedAliasView> fresh() {
        if (readAt.plus(REFRESH).isBefore(clock.instant())) {
            reread();
        }
        return current;
    }

    private void reread() {
        Map<String, QuarantinedAliasView> read = new ConcurrentHashMap<>();
        quarantined.find().forEach(d -> read.put(d.getString("_id"), new QuarantinedAliasView(d.getString("_id"),
                d.getString("reason"), d.getString("operator"), d.getDate("at").toInstant())));
        current = Map.copyOf(read);
        readAt = clock.instant();
    }
}
