package io.tributary.query.profile;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.FindProfileHistory;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfileHistoryView;
import io.tributary.api.profile.ProfilesMerged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

/**
 * The audit trail of identity decisions per profile, oldest first (evidence time, then handling order). A
 * survivor's trail includes the trails of the profiles merged into it; a merge_blocked decision is listed under
 * both profiles (and once when they later end up merged).
 */
@ProcessingGroup("profile-history")
public class ProfileHistoryProjection {

    private final ProfileHistoryRepository repository;

    public ProfileHistoryProjection(MongoDatabase database) {
        this.repository = new ProfileHistoryRepository(database);
    }

    @EventHandler
    public void on(ProfileCreated event) {
        repository.add(event.profileId(), "profile_created", event.evidence(), event.aliases(), null, event.rule(),
                decisionId("profile_created", event.evidence(), event.profileId()));
    }

    @EventHandler
    public void on(AliasLinked event) {
        repository.add(event.profileId(), "alias_linked", event.evidence(), List.of(event.alias()), null,
                event.rule(), decisionId("alias_linked", event.evidence(), event.alias()));
    }

    @EventHandler
    public void on(AliasBlocked event) {
        repository.add(event.profileId(), "alias_blocked", event.evidence(), List.of(event.alias()), null,
                event.rule(), decisionId("alias_blocked", event.evidence(), event.alias()));
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        repository.recordMerge(event.mergedProfileId(), event.survivorProfileId());
        String pair = event.survivorProfileId() + "|" + event.mergedProfileId();
        if (event.isSurvivorSide()) {
            repository.add(event.survivorProfileId(), "profiles_merged", event.evidence(), event.sharedAliases(),
                    event.mergedProfileId(), event.rule(), decisionId("profiles_merged", event.evidence(), pair));
        } else {
            repository.add(event.mergedProfileId(), "merged_into", event.evidence(), event.sharedAliases(),
                    event.survivorProfileId(), event.rule(), decisionId("merged_into", event.evidence(), pair));
        }
    }

    @EventHandler
    public void on(MergeBlocked event) {
        String decisionId = decisionId("merge_blocked", event.evidence(),
                event.profileId() + "|" + event.otherProfileId());
        repository.add(event.profileId(), "merge_blocked", event.evidence(), event.sharedAliases(),
                event.otherProfileId(), event.rule(), decisionId);
        repository.add(event.otherProfileId(), "merge_blocked", event.evidence(), event.sharedAliases(),
                event.profileId(), event.rule(), decisionId);
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

    private static String decisionId(String decision, Evidence evidence, String detail) {
        return String.join("|", decision, evidence == null ? "" : String.valueOf(evidence.recordId()), detail);
    }
}
