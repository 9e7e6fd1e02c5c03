package io.tributary.command.ingestion;

import io.tributary.api.identity.AliasQuarantineLifted;
import io.tributary.api.identity.AliasQuarantined;
import io.tributary.api.identity.IdentityOperationOutcome;
import io.tributary.api.identity.IdentityProgress;
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
import io.tributary.command.profile.SurvivorHistory;
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
import org.axonframework.messaging.annotation.MetaDataValue;
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
    private final IdentityProgress listener;
    private final Clock clock;

    IdentityOperations(Profiles profiles, IdentityStitching stitching, AliasIndex aliasIndex, AliasRules aliasRules,
                       QuarantineList quarantine, EventBus eventBus, Optional<IdentityProgress> progress) {
        this.profiles = profiles;
        this.stitching = stitching;
        this.aliasIndex = aliasIndex;
        this.aliasRules = aliasRules;
        this.quarantine = quarantine;
        this.eventBus = eventBus;
        this.listener = progress.orElse(IdentityProgress.NONE);
        this.clock = Clock.systemUTC();
    }

    @CommandHandler
    IdentityOperationOutcome handle(MergeProfilesByHand command) {
        aliasIndex.joinBeforeEvents();
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
    IdentityOperationOutcome handle(SplitProfileByHand command,
                                    @MetaDataValue(IdentityProgress.OPERATION_ID) String operationId) {
        aliasIndex.joinBeforeEvents();
        Progress progress = new Progress(operationId, command.mergedProfileId() != null ? 1 : 0);
        SurvivorHistory survivor = profiles.survivor(stitching.survivorOf(command.profileId()));
        List<String> targets = command.mergedProfileId() != null ? List.of(command.mergedProfileId())
                : partsHolding(survivor, command.aliases());
        progress.found(targets.size() - progress.known);
        Evidence evidence = operation();
        List<String> split = new ArrayList<>();
        for (String target : targets) {
            Optional<ProfileSplit> done = split(survivor, target, Set.of(), MANUAL, command.operator(),
                    command.reason(), evidence);
            done.ifPresent(s -> split.add(target));
            progress.undone(done);
        }
        return new IdentityOperationOutcome(split.isEmpty() ? "not_merged" : "split", survivor.survivorId(), split,
                null, progress.movedRecords);
    }

    /** Quarantines the alias; with {@code split}, undoes every merge it glued into a profile that is still active. */
    @CommandHandler
    IdentityOperationOutcome handle(QuarantineAlias command,
                                    @MetaDataValue(IdentityProgress.OPERATION_ID) String operationId) {
        aliasIndex.joinBeforeEvents();
        Evidence evidence = operation();
        eventBus.publish(GenericEventMessage.asEventMessage(new AliasQuarantined(command.alias(), command.reason(),
                command.operator(), evidence.at(), command.split())));
        String owner = aliasIndex.owners(List.of(command.alias())).get(command.alias());
        if (!command.split() || owner == null) {
            return new IdentityOperationOutcome("quarantined", owner, List.of(), null, 0);
        }
        return splitGlued("quarantined", owner, command.alias(), QUARANTINE, command.operator(), command.reason(),
                evidence, operationId);
    }

    /** Undoes every merge an alias that the rules in force block glued (an applied dry-run's restatement). */
    @CommandHandler
    IdentityOperationOutcome handle(SplitGluedMerges command,
                                    @MetaDataValue(IdentityProgress.OPERATION_ID) String operationId) {
        String owner = aliasIndex.owners(List.of(command.alias())).get(command.alias());
        if (owner == null) {
            return new IdentityOperationOutcome("not_merged", null, List.of(), null, 0);
        }
        IdentityOperationOutcome outcome = splitGlued("split", owner, command.alias(), command.rule(),
                command.operator(), command.reason(), operation(), operationId);
        return outcome.others().isEmpty()
                ? new IdentityOperationOutcome("not_merged", outcome.profileId(), List.of(), null, 0) : outcome;
    }

    private IdentityOperationOutcome splitGlued(String outcome, String owner, String alias, String rule,
                                                String operator, String reason, Evidence evidence,
                                                String operationId) {
        List<String> split = new ArrayList<>();
        Progress progress = new Progress(operationId, 0);
        Deque<String> survivors = new ArrayDeque<>(List.of(stitching.survivorOf(owner)));
        while (!survivors.isEmpty()) {
            SurvivorHistory survivor = profiles.survivor(survivors.pop());
            List<String> glued = survivor.gluedBy(alias);
            progress.found(glued.size());
            for (String target : glued) {
                Optional<ProfileSplit> done = split(survivor, target, Set.of(alias), rule, operator, reason, evidence);
                if (done.isPresent()) {
                    split.add(target);
                    survivors.push(target);
                }
                progress.undone(done);
            }
        }
        return new IdentityOperationOutcome(outcome, stitching.survivorOf(owner), split, null, progress.movedRecords);
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

    private Optional<ProfileSplit> split(SurvivorHistory survivor, String target, Set<String> glue, String rule,
                                         String operator, String reason, Evidence evidence) {
        Optional<ProfileSplit> done = survivor.split(target, this::usable, glue, rule, operator, reason, evidence);
        done.ifPresent(split -> aliasIndex.reassign(split.movedAliases(), target));
        return done;
    }

    /** The profiles merged into the survivor that brought one of these aliases. */
    private List<String> partsHolding(SurvivorHistory survivor, List<String> aliases) {
        Set<String> wanted = aliases.stream().map(aliasRules::parse).filter(ParsedAlias::isValid)
                .map(ParsedAlias::urn).collect(java.util.stream.Collectors.toSet());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> part : survivor.mergedParts().entrySet()) {
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

    /** Counts the merges undone of those known to undo, and tells the listener after each one. */
    private final class Progress {
        private final String operationId;
        private int known;
        private int undone;
        private int movedRecords;

        Progress(String operationId, int known) {
            this.operationId = operationId;
            this.known = known;
            tell();
        }

        void found(int more) {
            known += more;
            tell();
        }

        /** One merge considered: undone, or found not to be undoable (no longer to be counted). */
        void undone(Optional<ProfileSplit> split) {
            if (split.isPresent()) {
                undone++;
                movedRecords += split.get().movedRecords().size();
            } else {
                known--;
            }
            tell();
        }

        private void tell() {
            if (operationId != null) {
                listener.progressed(operationId, undone, known, movedRecords);
            }
        }
    }
}
