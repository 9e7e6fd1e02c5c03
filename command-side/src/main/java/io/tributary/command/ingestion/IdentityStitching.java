package io.tributary.command.ingestion;

import io.tributary.api.intake.AliasTypes;
import io.tributary.api.intake.ParsedAlias;
import io.tributary.api.profile.Evidence;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.command.profile.ProfileState;
import io.tributary.command.profile.Profiles;
import io.tributary.command.rules.IdentityRulesVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Resolves the aliases of a tracked event to one profile:
 * <ol>
 * <li>aliases owned by no profile join the event's profile;</li>
 * <li>aliases owned by several profiles merge them into the oldest (first seen first, ties to the smallest id),
 * unless a limit forbids it: then the event goes to the owner of its highest-priority alias (in the alias priority of
 * the identity rules in force);</li>
 * <li>no known alias: a new profile.</li>
 * </ol>
 * A duplicate copy of a tracked event also belongs to the profile of the copy that was kept: the same order sent
 * by the browser and the server is one person.
 */
@Component
class IdentityStitching {

    private final Profiles profiles;
    private final AliasIndex aliasIndex;
    private final AliasRules aliasRules;
    private final IdentityRulesVersion rules;

    /** @param rules the identity rules in force, whose alias priority ranks an event's aliases */
    IdentityStitching(Profiles profiles, AliasIndex aliasIndex, AliasRules aliasRules, IdentityRulesVersion rules) {
        this.profiles = profiles;
        this.aliasIndex = aliasIndex;
        this.aliasRules = aliasRules;
        this.rules = rules;
    }

    void prefetch(List<String> aliases) {
        aliasIndex.owners(aliases);
    }

    /** See {@link AliasIndex#takeBackClaimsOfMissing}. */
    long takeBackClaimsOfMissing(String profileId) {
        return aliasIndex.takeBackClaimsOfMissing(profileId);
    }

    StitchingResult stitch(List<String> rawAliases, Optional<String> keptCopyProfile, Evidence evidence) {
        List<String> usable = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (String raw : new LinkedHashSet<>(rawAliases)) {
            ParsedAlias alias = aliasRules.parse(raw);
            if (alias.isValid()) {
                (alias.blocked() ? blocked : usable).add(alias.urn());
            }
        }
        usable.sort(rules.rules().map(IdentityRuleSet::aliasOrder)
                .orElse(Comparator.comparingInt(a -> AliasTypes.priority(AliasTypes.typeOf(a)))));
        Map<String, String> owners = aliasIndex.owners(usable);
        String profileId = owners.isEmpty() && keptCopyProfile.isEmpty() ? create(usable, evidence)
                : resolve(usable, owners, keptCopyProfile, evidence);
        return new StitchingResult(profileId, blocked);
    }

    /** The profile a (possibly merged-away) profile resolves to now. */
    String survivorOf(String profileId) {
        String current = profileId;
        for (int hops = 0; hops < 32; hops++) {
            String next = profiles.mergedInto(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private String create(List<String> aliases, Evidence evidence) {
        String profileId = UUID.randomUUID().toString();
        List<String> claimed = aliases.stream().filter(alias -> aliasIndex.claim(alias, profileId)).toList();
        Set<String> linked = new LinkedHashSet<>(profiles.create(profileId, claimed, evidence));
        claimed.stream().filter(alias -> !linked.contains(alias)).forEach(alias -> aliasIndex.release(alias, profileId));
        return profileId;
    }

    private String resolve(List<String> aliases, Map<String, String> owners, Optional<String> keptCopyProfile,
                           Evidence evidence) {
        Set<String> owning = new LinkedHashSet<>();
        aliases.stream().filter(owners::containsKey).forEach(alias -> owning.add(survivorOf(owners.get(alias))));
        keptCopyProfile.map(this::survivorOf).ifPresent(owning::add);
        String target = owning.size() == 1 ? owning.iterator().next()
                : merge(owning, aliases, owners, evidence).orElseGet(() -> survivorOf(owning.iterator().next()));
        aliases.stream().filter(alias -> !owners.containsKey(alias)).forEach(alias -> link(target, alias, evidence));
        return target;
    }

    /** The survivor, or empty when a limit blocked a merge and the event goes to its highest-priority owner. */
    private Optional<String> merge(Set<String> owning, List<String> aliases, Map<String, String> owners, Evidence evidence) {
        List<ProfileState> candidates = owning.stream().map(profiles::state)
                .sorted(Comparator.comparing(ProfileState::firstSeen).thenComparing(ProfileState::profileId))
                .toList();
        String survivorId = candidates.get(0).profileId();
        boolean blocked = false;
        for (ProfileState other : candidates.subList(1, candidates.size())) {
            blocked |= !absorb(survivorId, other, sharedAliases(aliases, owners, survivorId, other.profileId()), evidence);
        }
        return blocked ? Optional.empty() : Optional.of(survivorId);
    }

    private boolean absorb(String survivorId, ProfileState other, List<String> shared, Evidence evidence) {
        if (!profiles.merge(survivorId, other, shared, evidence)) {
            return false;
        }
        aliasIndex.reassign(other.aliases(), survivorId);
        return true;
    }

    private static List<String> sharedAliases(List<String> aliases, Map<String, String> owners, String survivorId,
                                              String otherId) {
        return aliases.stream().filter(alias -> {
            String owner = owners.get(alias);
            return owner != null && (owner.equals(survivorId) || owner.equals(otherId));
        }).toList();
    }

    private void link(String profileId, String alias, Evidence evidence) {
        if (!aliasIndex.claim(alias, profileId)) {
            return;
        }
        if (!profiles.link(profileId, alias, evidence)) {
            aliasIndex.release(alias, profileId);
        }
    }
}
