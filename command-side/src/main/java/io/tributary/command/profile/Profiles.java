package io.tributary.command.profile;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.profile.Evidence;
import io.tributary.api.session.SessionAssignment;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.rules.IdentityRulesVersion;
import io.tributary.command.session.SessionPolicy;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.rules.IdentityRuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
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
    private final EventStore eventStore;
    private final AliasLimits settingsLimits;
    private final SessionPolicy settingsSessionPolicy;
    private final IdentityRulesVersion rules;
    private volatile AliasLimits liveLimits;

    Profiles(Repository<Profile> repository, EventStore eventStore, AliasLimits limits, SessionPolicy sessionPolicy,
             IdentityRulesVersion rules) {
        this.repository = repository;
        this.eventStore = eventStore;
        this.settingsLimits = limits;
        this.settingsSessionPolicy = sessionPolicy;
        this.rules = rules;
    }

    /** The alias limits of the identity rules in force (those of the settings until the rules are recorded). */
    private AliasLimits limits() {
        AliasLimits current = liveLimits;
        IdentityRuleSet inForce = rules.rules().orElse(null);
        if (inForce == null) {
            return settingsLimits;
        }
        if (current == null || !current.maxPerType().equals(inForce.aliasLimits())) {
            current = new AliasLimits(inForce.aliasLimits());
            liveLimits = current;
        }
        return current;
    }

    /** The session policy with the inactivity timeout of the identity rules in force. */
    private SessionPolicy sessionPolicy() {
        return rules.rules().map(IdentityRuleSet::sessionTimeout).map(settingsSessionPolicy::withInactivityTimeout)
                .orElse(settingsSessionPolicy);
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
            created = repository.newInstance(() -> new Profile(command, limits(), rules));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create profile " + profileId, e);
        }
        return created.invoke(Profile::aliases);
    }

    /** True when the alias is the profile's; false when a limit blocked it. */
    public boolean link(String profileId, String alias, Evidence evidence) {
        return repository.load(profileId).invoke(p -> p.handle(new LinkAlias(profileId, alias, evidence), limits(), rules));
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
        if (!repository.load(survivorId).invoke(p -> p.handle(merge, limits(), rules))) {
            return false;
        }
        repository.load(other.profileId()).execute(p -> p.handle(
                new MarkProfileMerged(other.profileId(), survivorId, sharedAliases, evidence, null, null, null), rules));
        return true;
    }

    /**
     * Merges {@code other} into the survivor because an operator asked, under the same limits as stitching's merges
     * (a split that kept them apart does not hold an operator back). Answers the rule that refused it (recorded as
     * {@code MergeBlocked} with the operator and reason), or empty when merged.
     */
    public Optional<String> mergeByHand(String survivorId, ProfileState other, String operator, String reason,
                                        Evidence evidence) {
        MergeProfiles merge = new MergeProfiles(survivorId, other.profileId(), List.of(), other.aliases(),
                other.properties(), other.sessions(), evidence, operator, reason);
        Optional<String> refused = repository.load(survivorId).invoke(p -> p.handle(merge, limits(), rules)
                ? Optional.<String>empty() : Optional.of(p.lastRefusal()));
        if (refused.isPresent()) {
            return refused;
        }
        repository.load(other.profileId()).execute(p -> p.handle(new MarkProfileMerged(other.profileId(), survivorId,
                List.of(), evidence, Profile.MANUAL, operator, reason), rules));
        return Optional.empty();
    }

    /**
     * A survivor's recorded decisions, read once for every split of one operation: the survivor is loaded first, so
     * this unit of work holds its lock and nothing is appended to its stream meanwhile.
     */
    public SurvivorHistory survivor(String survivorId) {
        repository.load(survivorId);
        List<Message<?>> stream = eventStore.readEvents(survivorId, 0).asStream()
                .collect(Collectors.toCollection(ArrayList::new));
        return new SurvivorHistory(survivorId, stream, this);
    }

    /** Records a split the planner decided, on the survivor and on the split side; answers the survivor's side. */
    ProfileSplit record(String survivorId, String splitId, SplitPlan plan, String rule, String operator,
                        String reason, Evidence evidence) {
        ProfileSplit split = repository.load(survivorId).invoke(p -> p.handle(
                new SplitProfile(survivorId, splitId, plan, rule, operator, reason, evidence)));
        repository.load(splitId).execute(p -> p.handle(new MarkProfileSplit(splitId, split)));
        return split;
    }

    public void updateProperties(String profileId, Map<String, Object> properties, Evidence evidence) {
        repository.load(profileId).execute(p -> p.handle(new UpdateProfileProperties(profileId, properties, evidence)));
    }

    /** Counts an accepted tracked event; the profile decides its session. */
    public SessionAssignment record(String profileId, Intake intake, String fingerprint, TrafficSource source,
                                    String newSessionId) {
        return repository.load(profileId).invoke(p -> p.handle(
                new RecordEvent(profileId, intake, fingerprint, source, newSessionId), sessionPolicy()));
    }

    public void discard(String profileId, Intake intake, String fingerprint, String keptRecordId, String keptSourceId,
                        DuplicateKind kind) {
        repository.load(profileId).execute(p -> p.handle(
                new DiscardDuplicate(profileId, intake, fingerprint, keptRecordId, keptSourceId, kind)));
    }
}
