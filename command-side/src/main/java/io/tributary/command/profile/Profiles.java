package io.tributary.command.profile;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.profile.Evidence;
import io.tributary.api.session.SessionAssignment;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.rules.IdentityRulesVersion;
import io.tributary.command.session.SessionPolicy;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The intake's in-process entry to the {@link Profile} aggregate: one method per profile command, each loading the
 * profile in the caller's unit of work. The commands never travel on the bus: the single writer decides a whole
 * batch in one unit of work, without a bus hop per decision.
 */
@Component
public class Profiles {

    private final Repository<Profile> repository;
    private final AliasLimits limits;
    private final SessionPolicy sessionPolicy;
    private final IdentityRulesVersion rules;

    Profiles(Repository<Profile> repository, AliasLimits limits, SessionPolicy sessionPolicy,
             IdentityRulesVersion rules) {
        this.repository = repository;
        this.limits = limits;
        this.sessionPolicy = sessionPolicy;
        this.rules = rules;
    }

    public ProfileState state(String profileId) {
        return repository.load(profileId).invoke(p -> new ProfileState(p.profileId(), p.firstSeen(), p.aliases(),
                p.properties(), p.sessions(), p.mergedInto()));
    }

    /** The profile another was merged into, or null while it is not merged. */
    public String mergedInto(String profileId) {
        return repository.load(profileId).invoke(Profile::mergedInto);
    }

    /** Creates a profile; answers the aliases it linked (those past a limit are blocked). */
    public List<String> create(String profileId, List<String> aliases, Evidence evidence) {
        CreateProfile command = new CreateProfile(profileId, aliases, evidence);
        Aggregate<Profile> created;
        try {
            created = repository.newInstance(() -> new Profile(command, limits, rules));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create profile " + profileId, e);
        }
        return created.invoke(Profile::aliases);
    }

    /** True when the alias is the profile's; false when a limit blocked it. */
    public boolean link(String profileId, String alias, Evidence evidence) {
        return repository.load(profileId).invoke(p -> p.handle(new LinkAlias(profileId, alias, evidence), limits, rules));
    }

    public void block(String profileId, String alias, String rule, Evidence evidence) {
        repository.load(profileId).execute(p -> p.handle(new BlockAlias(profileId, alias, rule, evidence), rules));
    }

    /**
     * Merges {@code other} into the survivor, both sides recorded; false (and {@code MergeBlocked}) when a limit
     * forbids it.
     */
    public boolean merge(String survivorId, ProfileState other, List<String> sharedAliases, Evidence evidence) {
        MergeProfiles merge = new MergeProfiles(survivorId, other.profileId(), sharedAliases, other.aliases(),
                other.properties(), other.sessions(), evidence);
        if (!repository.load(survivorId).invoke(p -> p.handle(merge, limits, rules))) {
            return false;
        }
        repository.load(other.profileId()).execute(p -> p.handle(
                new MarkProfileMerged(other.profileId(), survivorId, sharedAliases, evidence), rules));
        return true;
    }

    public void updateProperties(String profileId, Map<String, Object> properties, Evidence evidence) {
        repository.load(profileId).execute(p -> p.handle(new UpdateProfileProperties(profileId, properties, evidence)));
    }

    /** Counts an accepted tracked event; the profile decides its session. */
    public SessionAssignment record(String profileId, Intake intake, String fingerprint, TrafficSource source,
                                    String newSessionId) {
        return repository.load(profileId).invoke(p -> p.handle(
                new RecordEvent(profileId, intake, fingerprint, source, newSessionId), sessionPolicy));
    }

    public void discard(String profileId, Intake intake, String fingerprint, String keptRecordId, String keptSourceId,
                        DuplicateKind kind) {
        repository.load(profileId).execute(p -> p.handle(
                new DiscardDuplicate(profileId, intake, fingerprint, keptRecordId, keptSourceId, kind)));
    }
}
