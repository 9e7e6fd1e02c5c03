package io.tributary.command.ingestion;

import io.tributary.api.identity.AliasQuarantineLifted;
import io.tributary.api.identity.AliasQuarantined;
import io.tributary.api.identity.IdentityOperationOutcome;
import io.tributary.api.identity.LiftQuarantine;
import io.tributary.api.identity.MergeProfilesByHand;
import io.tributary.api.identity.QuarantineAlias;
import io.tributary.api.identity.SplitGluedMerges;
import io.tributary.api.identity.SplitProfileByHand;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.command.profile.ProfileState;
import io.tributary.command.profile.Profiles;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;

/**
 * Identity operations asked for by an operator: merge, split and quarantine. Each is one unit of work whose
 * outcome is recorded as events; the alias ownership lookup follows what moved.
 */
@Component
class IdentityOperations {

    static final String MANUAL = "manual";
    static final String QUARANTINE = "quarantine";

    private final Profiles profiles;
    private final IdentityStitching stitching;
    private final AliasIndex aliasIndex;
    private final AliasRules aliasRules;
    private final QuarantineList quarantine;
    private final EventBus eventBus;
    private final Clock clock;

    IdentityOperations(Profiles profiles, IdentityStitching stitching, AliasIndex aliasIndex, AliasRules aliasRules,
                       QuarantineList quarantine, EventBus eventBus) {
        this.profiles = profiles;
        this.stitching = stitching;
        this.aliasIndex = aliasIndex;
        this.aliasRules = aliasRules;
        this.quarantine = quarantine;
        this.eventBus = eventBus;
        this.clock = Clock.systemUTC();
    }

    @CommandHandler
    IdentityOperationOutcome handle(MergeProfilesByHand command) {
        String survivor = stitching.survivorOf(command.profileId());
        String other = stitching.survivorOf(command.otherProfileId());
        if (survivor.equals(other)) {
            return new IdentityOperationOutcome("already_merged", survivor, List.of(command.otherProfileId()), null, 0);
        }
        ProfileState merged = profiles.state(other);
        Optional<String> refused = profiles.mergeByHand(survivor, merged, command.operator(), command.reason(),
                operation());
        if (refused.isPresent()) {
            return new IdentityOperationOutcome("merge_blocked", survivor, List.of(other), refused.get(), 0);
        }
        aliasIndex.reassign(merged.aliases(), survivor);
        return new IdentityOperationOutcome("merged", survivor, List.of(other), null, 0);
    }

    @CommandHandler
    IdentityOperationOutcome handle(SplitProfileByHand command) {
        String survivor = stitching.survivorOf(command.profileId());
        List<String> targets = command.mergedProfileId() != null ? List.of(command.mergedProfileId())
                : partsHolding(survivor, command.aliases());
        Evidence evidence = operation();
        List<String> split = new ArrayList<>();
        int moved = 0;
        for (String target : targets) {
            Optional<ProfileSplit> done = split(survivor, target, Set.of(), MANUAL, command.operator(),
                    command.reason(), evidence);
            if (done.isPresent()) {
                split.add(target);
                moved += done.get().movedRecords().size();
            }
        }
        return new IdentityOperationOutcome(split.isEmpty() ? "not_merged" : "split", survivor, split, null, moved);
    }

    /** Quarantines the alias; with {@code split}, undoes every merge it glued into a profile that is still active. */
    @CommandHandler
    IdentityOperationOutcome handle(QuarantineAlias command) {
        Evidence evidence = operation();
        eventBus.publish(GenericEventMessage.asEventMessage(new AliasQuarantined(command.alias(), command.reason(),
                command.operator(), evidence.at(), command.split())));
        String owner = aliasIndex.owners(List.of(command.alias())).get(command.alias());
        if (!command.split() || owner == null) {
            return new IdentityOperationOutcome("quarantined", owner, List.of(), null, 0);
        }
        return splitGlued("quarantined", owner, command.alias(), QUARANTINE, command.operator(), command.reason(),
                evidence);
    }

    /** Undoes every merge an alias that the rules in force block glued (an applied dry-run's restatement). */
    @CommandHandler
    IdentityOperationOutcome handle(SplitGluedMerges command) {
        String owner = aliasIndex.owners(List.of(command.alias())).get(command.alias());
        if (owner == null) {
            return new IdentityOperationOutcome("not_merged", null, List.of(), null, 0);
        }
        IdentityOperationOutcome outcome = splitGlued("split", owner, command.alias(), command.rule(),
                command.operator(), command.reason(), operation());
        return outcome.others().isEmpty()
                ? new IdentityOperationOutcome("not_merged", outcome.profileId(), List.of(), null, 0) : outcome;
    }

    private IdentityOperationOutcome splitGlued(String outcome, String owner, String alias, String rule,
                                                String operator, String reason, Evidence evidence) {
        List<String> split = new ArrayList<>();
        int moved = 0;
        Deque<String> survivors = new ArrayDeque<>(List.of(stitching.survivorOf(owner)));
        while (!survivors.isEmpty()) {
            String survivor = survivors.pop();
            for (String target : profiles.gluedBy(survivor, alias)) {
                Optional<ProfileSplit> done = split(survivor, target, Set.of(alias), rule, operator, reason, evidence);
                if (done.isPresent()) {
                    split.add(target);
                    moved += done.get().movedRecords().size();
                    survivors.push(target);
                }
            }
        }
        return new IdentityOperationOutcome(outcome, stitching.survivorOf(owner), split, null, moved);
    }

    @CommandHandler
    IdentityOperationOutcome handle(LiftQuarantine command) {
        if (!quarantine.test(command.alias())) {
            return new IdentityOperationOutcome("not_quarantined", null, List.of(), null, 0);
        }
        eventBus.publish(GenericEventMessage.asEventMessage(new AliasQuarantineLifted(command.alias(),
                command.reason(), command.operator(), clock.instant())));
        return new IdentityOperationOutcome("lifted", null, List.of(), null, 0);
    }

    private Optional<ProfileSplit> split(String survivor, String target, Set<String> glue, String rule,
                                         String operator, String reason, Evidence evidence) {
        Optional<ProfileSplit> done = profiles.split(survivor, target, this::usable, glue, rule, operator, reason,
                evidence);
        done.ifPresent(split -> aliasIndex.reassign(split.movedAliases(), target));
        return done;
    }

    /** The profiles merged into the survivor that brought one of these aliases. */
    private List<String> partsHolding(String survivor, List<String> aliases) {
        Set<String> wanted = aliases.stream().map(aliasRules::parse).filter(ParsedAlias::isValid)
                .map(ParsedAlias::urn).collect(java.util.stream.Collectors.toSet());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> part : profiles.mergedParts(survivor).entrySet()) {
            if (part.getValue().stream().anyMatch(wanted::contains)) {
                parts.add(part.getKey());
            }
        }
        return parts;
    }

    private Optional<String> usable(String raw) {
        ParsedAlias alias = aliasRules.parse(raw);
        return alias.isValid() && !alias.blocked() ? Optional.of(alias.urn()) : Optional.empty();
    }

    private Evidence operation() {
        return new Evidence("op-" + UUID.randomUUID(), null, clock.instant());
    }
}
