package io.tributary.query.profile;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.SessionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

/**
 * Profiles: aliases, properties (latest event time wins), first/last seen, event and session counts, and
 * merges. A merged-away id resolves to its survivor, whose view includes everything recorded on the profiles
 * merged into it.
 */
@ProcessingGroup("profiles")
public class ProfileProjection {

    private final ProfileRepository repository;

    public ProfileProjection(MongoDatabase database) {
        this.repository = new ProfileRepository(database);
    }

    /**
     * Creates the profile, seen at the evidence time. Its aliases arrive as AliasLinked (or AliasBlocked) events
     * right after, as in the aggregate: {@code aliases} here are only the candidates, some may be blocked.
     */
    @EventHandler
    public void on(ProfileCreated event) {
        repository.create(event.profileId(), event.evidence() == null ? null : event.evidence().at());
    }

    @EventHandler
    public void on(AliasLinked event) {
        repository.addAliases(event.profileId(), List.of(event.alias()));
    }

    @EventHandler
    public void on(ProfilePropertiesUpdated event) {
        repository.setProperties(event.profileId(), event.properties());
    }

    @EventHandler
    public void on(EventRecorded event) {
        repository.countEvent(event.profileId(), event.recordId(), event.event().timestamp());
    }

    @EventHandler
    public void on(SessionStarted event) {
        repository.countSession(event.profileId(), event.sessionId());
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        repository.link(event.mergedProfileId(), event.survivorProfileId());
        if (event.isSurvivorSide()) {
            repository.addAliases(event.survivorProfileId(), event.mergedAliases());
            repository.setProperties(event.survivorProfileId(), event.mergedProperties());
        }
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /** The survivor's view (following merges), or null when the id is unknown. */
    @QueryHandler
    public ProfileView handle(FindProfile query) {
        return repository.find(query.profileId());
    }

    /** The view of the profile that owns the alias (exact match, no normalising), or null. */
    @QueryHandler
    public ProfileView handle(FindProfileByAlias query) {
        return repository.findByAlias(query.alias());
    }
}
