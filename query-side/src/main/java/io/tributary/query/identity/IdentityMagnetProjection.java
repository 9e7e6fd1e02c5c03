package io.tributary.query.identity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.api.identity.FindIdentityMagnets;
import io.tributary.api.identity.IdentityMagnetView;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfilesMerged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/**
 * What merge magnets are made of, kept per subject as its latest touches ({@value #KEPT} at most), each with who
 * touched it and when (evidence time): the profiles that linked or tried an alias, the limit hits of a profile,
 * the user ids seen with an anonymous id. A query counts the distinct touchers within its window.
 */
@ProcessingGroup("identity-magnets")
public class IdentityMagnetProjection {

    static final int KEPT = 500;
    static final String SHARED_VALUE = "shared_value";
    static final String LIMIT_HITS = "limit_hits";
    static final String SHARED_ANONYMOUS_ID = "shared_anonymous_id";

    private final MongoCollection<Document> touches;

    public IdentityMagnetProjection(MongoDatabase database) {
        this.touches = database.getCollection("identity_magnet_touches");
        touches.createIndex(Indexes.ascending("size"));
    }

    @EventHandler
    public void on(AliasLinked event) {
        touch(SHARED_VALUE, event.alias(), event.profileId(), at(event.evidence()));
    }

    @EventHandler
    public void on(MergeBlocked event) {
        event.sharedAliases().forEach(alias -> {
            touch(SHARED_VALUE, alias, event.profileId(), at(event.evidence()));
            touch(SHARED_VALUE, alias, event.otherProfileId(), at(event.evidence()));
        });
        if (event.rule() != null && event.rule().startsWith("limit:")) {
            touch(LIMIT_HITS, event.profileId(), eventKey(event.evidence(), event.otherProfileId()), at(event.evidence()));
        }
    }

    @EventHandler
    public void on(AliasBlocked event) {
        if (event.rule() != null && event.rule().startsWith("limit:")) {
            touch(LIMIT_HITS, event.profileId(), eventKey(event.evidence(), event.alias()), at(event.evidence()));
        }
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        if (event.isSurvivorSide()) {
            event.sharedAliases().forEach(alias ->
                    touch(SHARED_VALUE, alias, event.mergedProfileId(), at(event.evidence())));
        }
    }

    @EventHandler
    public void on(EventRecorded event) {
        List<String> aliases = event.event().aliases();
        List<String> users = aliases.stream().filter(a -> AliasTypes.typeOf(a).equals("user_id")).toList();
        if (users.isEmpty()) {
            return;
        }
        aliases.stream().filter(a -> AliasTypes.typeOf(a).equals("anonymous_id")).forEach(anonymous ->
                users.forEach(user -> touch(SHARED_ANONYMOUS_ID, anonymous, user, event.event().timestamp())));
    }

    @ResetHandler
    public void reset() {
        touches.deleteMany(new Document());
    }

    /** Every magnet over its threshold within [from, asOf], the most touched first. */
    @QueryHandler
    public List<IdentityMagnetView> handle(FindIdentityMagnets query) {
        Map<String, Integer> limits = Map.of(SHARED_VALUE, query.maxProfilesPerValue(), LIMIT_HITS,
                query.maxLimitHits(), SHARED_ANONYMOUS_ID, query.maxUsersPerAnonymousId());
        List<IdentityMagnetView> magnets = new ArrayList<>();
        for (Document subject : touches.find(Filters.gt("size", Math.min(query.maxProfilesPerValue(),
                Math.min(query.maxLimitHits(), query.maxUsersPerAnonymousId()))))) {
            String kind = subject.getString("kind");
            Map<String, Instant> latestByToucher = new HashMap<>();
            for (Document touch : subject.getList("touches", Document.class, List.of())) {
                Instant at = touch.getDate("at").toInstant();
                if (!at.isBefore(query.from()) && !at.isAfter(query.asOf())) {
                    latestByToucher.merge(touch.getString("by"), at, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            if (latestByToucher.size() > limits.get(kind)) {
                magnets.add(new IdentityMagnetView(kind, subject.getString("subject"), latestByToucher.size(),
                        latestByToucher.values().stream().max(Comparator.naturalOrder()).orElse(null)));
            }
        }
        magnets.sort(Comparator.comparingLong(IdentityMagnetView::count).reversed()
                .thenComparing(IdentityMagnetView::subject));
        return magnets;
    }

    /** Idempotent: a touch already kept (same toucher, same time) is not kept twice. */
    private void touch(String kind, String subject, String by, Instant at) {
        if (subject == null || by == null || at == null) {
            return;
        }
        String id = kind + "|" + subject;
        Document touch = new Document("by", by).append("at", Date.from(at));
        Document current = touches.find(Filters.eq("_id", id)).first();
        List<Document> kept = new ArrayList<>(current == null ? List.of()
                : current.getList("touches", Document.class, List.of()));
        if (kept.contains(touch)) {
            return;
        }
        kept.add(touch);
        while (kept.size() > KEPT) {
            kept.remove(0);
        }
        touches.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("kind", kind)
                .append("subject", subject).append("touches", kept).append("size", kept.size()),
                new ReplaceOptions().upsert(true));
    }

    private static Instant at(io.tributary.api.profile.Evidence evidence) {
        return evidence == null ? null : evidence.at();
    }

    private static String eventKey(io.tributary.api.profile.Evidence evidence, String detail) {
        return (evidence == null ? "" : evidence.recordId()) + "|" + detail;
    }
}
