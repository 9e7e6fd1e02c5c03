package io.tributary.query.profile;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Profiles: aliases, properties (latest event time wins), first/last seen, event and session counts, and
 * merges. A merged-away id resolves to its survivor, whose view includes everything recorded on the profiles
 * merged into it. Handlers work on one {@link UnitOfWorkBatches batch} per processor batch: a few reads and one
 * bulk write per collection.
 */
@ProcessingGroup("profiles")
public class ProfileProjection {

    private final ProfileRepository repository;
    private final UnitOfWorkBatches batches;

    public ProfileProjection(MongoDatabase database) {
        this.repository = new ProfileRepository(database);
        this.batches = new UnitOfWorkBatches(database, this::load);
    }

    /**
     * Creates the profile, seen at the evidence time. Its aliases arrive as AliasLinked (or AliasBlocked) events
     * right after, as in the aggregate: {@code aliases} here are only the candidates, some may be blocked.
     */
    @EventHandler
    public void on(ProfileCreated event) {
        batches.run(batch -> repository.create(batch, event.profileId(),
                event.evidence() == null ? null : event.evidence().at()));
    }

    @EventHandler
    public void on(AliasLinked event) {
        batches.run(batch -> repository.addAliases(batch, event.profileId(), List.of(event.alias())));
    }

    @EventHandler
    public void on(ProfilePropertiesUpdated event) {
        batches.run(batch -> repository.setProperties(batch, event.profileId(), event.properties()));
    }

    @EventHandler
    public void on(EventRecorded event) {
        batches.run(batch -> repository.countEvent(batch, event.profileId(), event.recordId(),
                event.event().timestamp()));
    }

    @EventHandler
    public void on(SessionStarted event) {
        batches.run(batch -> repository.countSession(batch, event.profileId(), event.sessionId()));
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        batches.run(batch -> {
            repository.link(batch, event.mergedProfileId(), event.survivorProfileId());
            if (event.isSurvivorSide()) {
                repository.addAliases(batch, event.survivorProfileId(), event.mergedAliases());
                repository.setProperties(batch, event.survivorProfileId(), event.mergedProperties());
            }
        });
    }

    @EventHandler
    public void on(ProfileSplit event) {
        batches.run(batch -> {
            if (event.isSurvivorSide()) {
                repository.split(batch, event);
            }
        });
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /** The profiles the batch's events will change (and those they were merged into). */
    private void load(DocumentBatch batch, List<Object> events) {
        List<String> profileIds = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof ProfileCreated e) {
                profileIds.add(e.profileId());
            } else if (event instanceof AliasLinked e) {
                profileIds.add(e.profileId());
            } else if (event instanceof ProfilePropertiesUpdated e) {
                profileIds.add(e.profileId());
            } else if (event instanceof EventRecorded e) {
                profileIds.add(e.profileId());
            } else if (event instanceof SessionStarted e) {
                profileIds.add(e.profileId());
            } else if (event instanceof ProfilesMerged e) {
                profileIds.add(e.mergedProfileId());
                profileIds.add(e.survivorProfileId());
            } else if (event instanceof ProfileSplit e) {
                profileIds.add(e.splitProfileId());
                profileIds.add(e.survivorProfileId());
            }
        }
        repository.load(batch, profileIds);
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
