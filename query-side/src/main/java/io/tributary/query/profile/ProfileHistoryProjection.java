package io.tributary.query.profile;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.Evidence;
import io.tributary.api.identity.FindIdentityDecisions;
import io.tributary.api.identity.IdentityDecisionRow;
import io.tributary.api.profile.FindProfileAsOf;
import io.tributary.api.profile.FindProfileHistory;
import io.tributary.api.profile.IdentityDecisionView;
import io.tributary.api.profile.ProfileAsOfView;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfileHistoryView;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

/**
 * The audit trail of identity decisions per profile, oldest first (evidence time, then handling order). A
 * survivor's trail includes the trails of the profiles merged into it; a merge_blocked decision is listed under
 * both profiles (and once when they later end up merged). Handlers work on one {@link UnitOfWorkBatches batch} per
 * processor batch: a few reads and one bulk write per collection.
 */
@ProcessingGroup("profile-history")
public class ProfileHistoryProjection {

    private final ProfileHistoryRepository repository;
    private final UnitOfWorkBatches batches;

    public ProfileHistoryProjection(MongoDatabase database) {
        this.repository = new ProfileHistoryRepository(database);
        this.batches = new UnitOfWorkBatches(database,
                (batch, events) -> repository.load(batch, events.stream().flatMap(e -> entries(e).stream()).toList()));
    }

    @EventHandler
    public void on(ProfileCreated event) {
        add(event);
    }

    @EventHandler
    public void on(AliasLinked event) {
        add(event);
    }

    @EventHandler
    public void on(AliasBlocked event) {
        add(event);
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        batches.run(batch -> {
            repository.recordMerge(batch, event.mergedProfileId(), event.survivorProfileId());
            entries(event).forEach(entry -> repository.add(batch, entry));
        });
    }

    @EventHandler
    public void on(ProfileSplit event) {
        batches.run(batch -> {
            if (event.isSurvivorSide()) {
                repository.forgetMerge(batch, event.splitProfileId());
            }
            entries(event).forEach(entry -> repository.add(batch, entry));
        });
    }

    @EventHandler
    public void on(MergeBlocked event) {
        add(event);
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /**
     * The trail of the survivor that {@code profileId} resolves to (itself unless merged away), with those of the
     * profiles merged into it; empty decisions for an unknown id.
     */
    @QueryHandler
    public ProfileHistoryView handle(FindProfileHistory query) {
        String survivor = repository.resolve(query.profileId());
        return new ProfileHistoryView(survivor, repository.decisions(survivor));
    }

    /** The merge stream: every decision that shapes the identity graph, and every refusal, in the order decided. */
    @QueryHandler
    public List<IdentityDecisionRow> handle(FindIdentityDecisions query) {
        return repository.rows(query.from(), query.to());
    }

    /**
     * The profile as the decisions stood at {@code asOf}, replayed from the merge stream up to then; null when the
     * id was unknown then.
     */
    @QueryHandler
    public ProfileAsOfView handle(FindProfileAsOf query) {
        IdentityGraph graph = new IdentityGraph();
        repository.rows(null, query.asOf().plusNanos(1)).forEach(graph::apply);
        if (!graph.knows(query.profileId())) {
            return null;
        }
        String survivor = graph.resolve(query.profileId());
        List<IdentityDecisionView> decisions = repository.decisions(repository.resolve(survivor)).stream()
                .filter(d -> d.at() != null && !d.at().isAfter(query.asOf())).toList();
        return new ProfileAsOfView(survivor, query.asOf(), graph.aliasesOf(survivor), graph.mergedInto(survivor),
                decisions);
    }

    private void add(Object event) {
        batches.run(batch -> entries(event).forEach(entry -> repository.add(batch, entry)));
    }

    /** The entries an event adds to the trail, in order (none for an event that adds none). */
    private static List<HistoryEntry> entries(Object event) {
        if (event instanceof ProfileCreated e) {
            return List.of(entry(e.profileId(), "profile_created", e.evidence(), e.aliases(), null, e.rule(),
                    e.profileId()));
        }
        if (event instanceof AliasLinked e) {
            return List.of(entry(e.profileId(), "alias_linked", e.evidence(), List.of(e.alias()), null, e.rule(),
                    e.alias()));
        }
        if (event instanceof AliasBlocked e) {
            return List.of(entry(e.profileId(), "alias_blocked", e.evidence(), List.of(e.alias()), null, e.rule(),
                    e.alias()));
        }
        if (event instanceof ProfilesMerged e) {
            String pair = e.survivorProfileId() + "|" + e.mergedProfileId();
            return List.of(e.isSurvivorSide()
                    ? entry(e.survivorProfileId(), "profiles_merged", e.evidence(), e.sharedAliases(),
                            e.mergedProfileId(), e.rule(), pair)
                    : entry(e.mergedProfileId(), "merged_into", e.evidence(), e.sharedAliases(),
                            e.survivorProfileId(), e.rule(), pair));
        }
        if (event instanceof ProfileSplit e) {
            String pair = e.survivorProfileId() + "|" + e.splitProfileId();
            return List.of(e.isSurvivorSide()
                    ? entry(e.survivorProfileId(), "profile_split", e.evidence(), e.movedAliases(),
                            e.splitProfileId(), e.rule(), pair)
                    : entry(e.splitProfileId(), "split_from", e.evidence(), e.movedAliases(),
                            e.survivorProfileId(), e.rule(), pair));
        }
        if (event instanceof MergeBlocked e) {
            String decisionId = decisionId("merge_blocked", e.evidence(), e.profileId() + "|" + e.otherProfileId());
            return List.of(
                    new HistoryEntry(e.profileId(), "merge_blocked", e.evidence(), e.sharedAliases(),
                            e.otherProfileId(), e.rule(), decisionId),
                    new HistoryEntry(e.otherProfileId(), "merge_blocked", e.evidence(), e.sharedAliases(),
                            e.profileId(), e.rule(), decisionId));
        }
        return List.of();
    }

    private static HistoryEntry entry(String subject, String decision, Evidence evidence, List<String> aliases,
                                      String other, String rule, String detail) {
        return new HistoryEntry(subject, decision, evidence, aliases, other, rule, decisionId(decision, evidence, detail));
    }

    private static String decisionId(String decision, Evidence evidence, String detail) {
        return String.join("|", decision, evidence == null ? "" : String.valueOf(evidence.recordId()), detail);
    }
}
