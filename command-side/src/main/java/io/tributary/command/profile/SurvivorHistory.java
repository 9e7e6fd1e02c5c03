package io.tributary.command.profile;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;

/**
 * A survivor's whole event stream, read once in the operation's unit of work and kept current with the splits it
 * records, so that undoing many merges into one profile reads its (possibly long) history once, not once per merge.
 * The messages stay serialised until a split needs them: the tracked events recorded before the merge it undoes are
 * never deserialised (the planner does not look at them), which is most of a long history.
 */
public final class SurvivorHistory {

    private final String survivorId;
    private final List<Message<?>> stream;
    private final Profiles profiles;

    SurvivorHistory(String survivorId, List<Message<?>> stream, Profiles profiles) {
        this.survivorId = survivorId;
        this.stream = stream;
        this.profiles = profiles;
    }

    public String survivorId() {
        return survivorId;
    }

    /**
     * Undoes the merge of {@code splitId} into the survivor, re-deciding the survivor's tracked events since then from
     * its recorded decisions; empty when {@code splitId} is not merged into it directly.
     *
     * @param usable the urn a raw alias stitches with now, or empty when it is invalid or blocked
     * @param glue   aliases to disregard as evidence (a quarantined value)
     */
    public Optional<ProfileSplit> split(String splitId, Function<String, Optional<String>> usable, Set<String> glue,
                                        String rule, String operator, String reason, Evidence evidence) {
        if (!survivorId.equals(profiles.mergedInto(splitId))) {
            return Optional.empty();
        }
        Optional<SplitPlan> plan = SplitPlanner.plan(splitId, relevantTo(splitId, stream), usable, glue);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        ProfileSplit split = profiles.record(survivorId, splitId, plan.get(), rule, operator, reason, evidence);
        stream.add(GenericEventMessage.asEventMessage(split));
        return Optional.of(split);
    }

    /**
     * The payloads {@link SplitPlanner} needs to undo the merge of {@code splitId}: all but the tracked events recorded
     * before that merge, which it passes over, and which are left serialised.
     */
    static List<Object> relevantTo(String splitId, List<? extends Message<?>> stream) {
        List<Object> relevant = new ArrayList<>();
        boolean merged = false;
        for (Message<?> message : stream) {
            if (!merged && EventRecorded.class.equals(message.getPayloadType())) {
                continue;
            }
            Object payload = message.getPayload();
            merged |= payload instanceof ProfilesMerged e && e.isSurvivorSide() && e.mergedProfileId().equals(splitId);
            relevant.add(payload);
        }
        return relevant;
    }

    /** The profiles merged directly into the survivor whose merge the alias was evidence of, newest first. */
    public List<String> gluedBy(String alias) {
        List<String> glued = new ArrayList<>();
        for (Object event : mergesAndSplits()) {
            if (event instanceof ProfilesMerged e && e.isSurvivorSide() && e.sharedAliases().contains(alias)) {
                glued.add(0, e.mergedProfileId());
            } else if (event instanceof ProfileSplit e && e.isSurvivorSide()) {
                glued.remove(e.splitProfileId());
            }
        }
        return glued;
    }

    /** The profiles merged directly into the survivor, each with the aliases that came with it. */
    public Map<String, List<String>> mergedParts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (Object event : mergesAndSplits()) {
            if (event instanceof ProfilesMerged e && e.isSurvivorSide()) {
                parts.put(e.mergedProfileId(), e.mergedAliases());
            } else if (event instanceof ProfileSplit e && e.isSurvivorSide()) {
                parts.remove(e.splitProfileId());
            }
        }
        return parts;
    }

    private List<Object> mergesAndSplits() {
        return stream.stream().filter(m -> m.getPayloadType() == ProfilesMerged.class
                || m.getPayloadType() == ProfileSplit.class).map(m -> (Object) m.getPayload()).toList();
    }
}
