package io.tributary.command.profile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.SessionAssignment;
import io.tributary.api.session.SessionRef;
import io.tributary.command.session.SessionDecision;
import io.tributary.command.session.SessionPolicy;
import io.tributary.command.session.SessionTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import io.tributary.command.rules.IdentityRulesVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One person: the aliases it owns, its properties and its sessions. Merges and limits are decided here. */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Profile {

    static final String NEW_PROFILE = "new_profile";
    static final String UNOWNED_ALIAS = "unowned_alias";
    static final String SHARED_ALIAS = "shared_alias";
    static final String MANUAL = "manual";
    static final String KEPT_APART = "kept_apart";

    @AggregateIdentifier
    private String profileId;
    private Instant firstSeen;
    private Set<String> aliases = new LinkedHashSet<>();
    private Map<String, PropertyValue> properties = new HashMap<>();
    private SessionTimeline timeline = new SessionTimeline();
    private String mergedInto;
    /** Profiles split away from this one: stitching does not merge them again, only an operator can. */
    private Set<String> keptApart = new LinkedHashSet<>();
    /** The rule of the last merge this instance refused, for the answer to an operator; never sourced. */
    private transient String lastRefusal;

    /** Required by Axon. */
    Profile() {
    }

    @CommandHandler
    Profile(CreateProfile command, AliasLimits limits, IdentityRulesVersion rules) {
        apply(new ProfileCreated(command.profileId(), command.aliases(), NEW_PROFILE, command.evidence()));
        Set<String> linked = new LinkedHashSet<>();
        command.aliases().forEach(alias -> {
            if (link(command.profileId(), linked, alias, NEW_PROFILE, command.evidence(), limits, rules)) {
                linked.add(alias);
            }
        });
    }

    @CommandHandler
    boolean handle(LinkAlias command, AliasLimits limits, IdentityRulesVersion rules) {
        requireActive();
        return aliases.contains(command.alias())
                || link(profileId, aliases, command.alias(), UNOWNED_ALIAS, command.evidence(), limits, rules);
    }

    @CommandHandler
    void handle(BlockAlias command, IdentityRulesVersion rules) {
        requireActive();
        apply(new AliasBlocked(profileId, command.alias(), command.rule(), command.evidence(), rules.current()));
    }

    @CommandHandler
    boolean handle(MergeProfiles command, AliasLimits limits, IdentityRulesVersion rules) {
        requireActive();
        var broken = limits.violation(aliases, command.mergedAliases())
                .or(() -> !command.byHand() && keptApart.contains(command.mergedProfileId())
                        ? Optional.of(KEPT_APART) : Optional.empty());
        if (broken.isPresent()) {
            lastRefusal = broken.get();
            apply(new MergeBlocked(profileId, command.mergedProfileId(), command.sharedAliases(), broken.get(),
                    command.evidence(), rules.current(), command.operator(), command.reason()));
            return false;
        }
        apply(new ProfilesMerged(profileId, profileId, command.mergedProfileId(), command.sharedAliases(),
                command.mergedAliases(), command.mergedProperties(), command.mergedSessions(),
                command.byHand() ? MANUAL : SHARED_ALIAS, command.evidence(), rules.current(), command.operator(),
                command.reason()));
        return true;
    }

    @CommandHandler
    void handle(MarkProfileMerged command, IdentityRulesVersion rules) {
        requireActive();
        apply(new ProfilesMerged(profileId, command.survivorProfileId(), profileId, command.sharedAliases(),
                List.of(), Map.of(), List.of(), command.rule() == null ? SHARED_ALIAS : command.rule(),
                command.evidence(), rules.current(), command.operator(), command.reason()));
    }

    /** Undoes the merge of the split side into this profile, as the plan re-decided it. */
    @CommandHandler
    ProfileSplit handle(SplitProfile command) {
        requireActive();
        SplitPlan plan = command.plan();
        ProfileSplit split = new ProfileSplit(profileId, profileId, command.splitProfileId(), plan.movedAliases(),
                plan.movedProperties(), plan.remainingProperties(), plan.movedSessions(), plan.movedRecords(),
                command.rule(), command.evidence(), command.operator(), command.reason());
        apply(split);
        return split;
    }

    @CommandHandler
    void handle(MarkProfileSplit command) {
        ProfileSplit s = command.survivorSide();
        if (!s.survivorProfileId().equals(mergedInto)) {
            throw new IllegalStateException("profile " + profileId + " is not merged into " + s.survivorProfileId());
        }
        apply(new ProfileSplit(profileId, s.survivorProfileId(), profileId, s.movedAliases(), s.movedProperties(),
                s.remainingProperties(), s.movedSessions(), s.movedRecords(), s.rule(), s.evidence(), s.operator(),
                s.reason()));
    }

    @CommandHandler
    void handle(UpdateProfileProperties command) {
        requireActive();
        Instant at = command.evidence().at();
        Map<String, PropertyValue> changed = new LinkedHashMap<>();
        command.properties().forEach((name, value) -> {
            PropertyValue current = properties.get(name);
            if (current == null || (!current.at().isAfter(at) && !Objects.equals(current.value(), value))) {
                changed.put(name, new PropertyValue(value, at));
            }
        });
        if (!changed.isEmpty()) {
            apply(new ProfilePropertiesUpdated(profileId, changed, command.evidence()));
        }
    }

    @CommandHandler
    SessionAssignment handle(RecordEvent command, SessionPolicy policy) {
        requireActive();
        Intake intake = command.intake();
        SessionDecision decision = policy.decide(timeline, intake.sourceType().isBrowser(),
                intake.event().timestamp(), command.trafficSource());
        String sessionId = decision.startsSession() ? command.newSessionId() : decision.sessionId();
        String trafficKey = decision.startsSession() && command.trafficSource() != null ? command.trafficSource().key() : null;
        apply(new EventRecorded(profileId, intake.recordId(), intake.sourceId(), intake.sourceType(),
                intake.receivedAt(), intake.event(), command.fingerprint(), sessionId, decision.startsSession(),
                trafficKey, decision.stitched(), intake.deliveryId()));
        return new SessionAssignment(sessionId, decision.startsSession(), decision.stitched());
    }

    @CommandHandler
    void handle(DiscardDuplicate command) {
        requireActive();
        Intake intake = command.intake();
        apply(new DuplicateDiscarded(profileId, intake.recordId(), intake.sourceId(), intake.sourceType(),
                intake.receivedAt(), intake.event(), command.fingerprint(), command.keptRecordId(),
                command.keptSourceId(), command.kind(), intake.deliveryId()));
    }

    @EventSourcingHandler
    void on(ProfileCreated event) {
        profileId = event.profileId();
        firstSeen = event.evidence().at();
    }

    @EventSourcingHandler
    void on(AliasLinked event) {
        aliases.add(event.alias());
    }

    @EventSourcingHandler
    void on(ProfilePropertiesUpdated event) {
        properties.putAll(event.properties());
    }

    @EventSourcingHandler
    void on(ProfilesMerged event) {
        if (!event.isSurvivorSide()) {
            mergedInto = event.survivorProfileId();
            return;
        }
        keptApart.remove(event.mergedProfileId());
        aliases.addAll(event.mergedAliases());
        event.mergedProperties().forEach((name, value) -> properties.merge(name, value,
                (mine, theirs) -> theirs.at().isAfter(mine.at()) ? theirs : mine));
        timeline.absorb(event.mergedSessions(), event.mergedSessions().stream().map(SessionRef::lastActivityAt)
                .max(Instant::compareTo).orElse(null));
    }

    @EventSourcingHandler
    void on(ProfileSplit event) {
        if (event.isSurvivorSide()) {
            keptApart.add(event.splitProfileId());
            aliases.removeAll(event.movedAliases());
            properties = new HashMap<>(event.remainingProperties());
            timeline.release(event.movedSessions().stream().map(SessionRef::sessionId).toList());
            return;
        }
        mergedInto = null;
        keptApart.add(event.survivorProfileId());
        aliases.addAll(event.movedAliases());
        event.movedProperties().forEach((name, value) -> properties.merge(name, value,
                (mine, theirs) -> theirs.at().isAfter(mine.at()) ? theirs : mine));
        timeline.restore(event.movedSessions());
    }

    @EventSourcingHandler
    void on(EventRecorded event) {
        Instant at = event.event().timestamp();
        firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
        if (event.startsSession()) {
            timeline.start(event.sessionId(), at, event.trafficKey());
        } else if (event.sessionId() != null) {
            timeline.touch(event.sessionId(), at);
        }
        if (event.sourceType().isBrowser()) {
            timeline.recordBrowserEvent(at);
        }
    }

    Instant firstSeen() {
        return firstSeen;
    }

    String profileId() {
        return profileId;
    }

    List<String> aliases() {
        return new ArrayList<>(aliases);
    }

    Map<String, PropertyValue> properties() {
        return Map.copyOf(properties);
    }

    List<SessionRef> sessions() {
        return timeline.sessions();
    }

    String lastRefusal() {
        return lastRefusal;
    }

    String mergedInto() {
        return mergedInto;
    }

    boolean isMerged() {
        return mergedInto != null;
    }

    private static boolean link(String profileId, Set<String> owned, String alias, String rule, Evidence evidence,
                                AliasLimits limits, IdentityRulesVersion rules) {
        var broken = limits.violation(owned, List.of(alias));
        if (broken.isPresent()) {
            apply(new AliasBlocked(profileId, alias, broken.get(), evidence, rules.current()));
            return false;
        }
        apply(new AliasLinked(profileId, alias, rule, evidence, rules.current()));
        return true;
    }

    private void requireActive() {
        if (isMerged()) {
            throw new IllegalStateException("profile " + profileId + " was merged into " + mergedInto);
        }
    }
}
