package io.tributary.command.profile;

import io.tributary.api.profile.CreateProfile;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.LinkAlias;
import io.tributary.api.profile.MarkProfileMerged;
import io.tributary.api.profile.MergeProfiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Resolves the aliases of a tracked event to one profile:
 * <ol>
 * <li>aliases owned by no profile join the event's profile;</li>
 * <li>aliases owned by several profiles merge them into the oldest (first seen first, ties to the smallest id),
 * unless a limit forbids it: then the event goes to the owner of its highest-priority alias;</li>
 * <li>no known alias: a new profile.</li>
 * </ol>
 * A duplicate copy of a tracked event also belongs to the profile of the copy that was kept: the same order sent
 * by the browser and the server is one person.
 */
@Component
class IdentityStitching {

    private final Repository<Profile> profiles;
    private final AliasIndex aliasIndex;
    private final AliasRules aliasRules;
    private final AliasLimits limits;

    IdentityStitching(Repository<Profile> profiles, AliasIndex aliasIndex, AliasRules aliasRules, AliasLimits limits) {
        this.profiles = profiles;
        this.aliasIndex = aliasIndex;
        this.aliasRules = aliasRules;
        this.limits = limits;
    }

    void prefetch(List<String> aliases) {
        aliasIndex.owners(aliases);
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
        usable.sort(Comparator.comparingInt(a -> AliasRules.priority(AliasRules.typeOf(a))));
        Map<String, String> owners = aliasIndex.owners(usable);
        String profileId = owners.isEmpty() && keptCopyProfile.isEmpty() ? create(usable, evidence)
                : resolve(usable, owners, keptCopyProfile, evidence);
        return new StitchingResult(profileId, blocked);
    }

    private String create(List<String> aliases, Evidence evidence) {
        String profileId = UUID.randomUUID().toString();
        List<String> claimed = aliases.stream().filter(alias -> aliasIndex.claim(alias, profileId)).toList();
        Aggregate<Profile> created = newProfile(new CreateProfile(profileId, claimed, evidence));
        Set<String> linked = new LinkedHashSet<>(created.invoke(Profile::aliases));
        claimed.stream().filter(alias -> !linked.contains(alias)).forEach(alias -> aliasIndex.release(alias, profileId));
        return profileId;
    }

    private Aggregate<Profile> newProfile(CreateProfile command) {
        try {
            return profiles.newInstance(() -> new Profile(command, limits));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create profile " + command.profileId(), e);
        }
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
        List<Aggregate<Profile>> candidates = owning.stream().map(profiles::load)
                .sorted(Comparator.comparing((Aggregate<Profile> p) -> p.invoke(Profile::firstSeen))
                        .thenComparing(p -> p.invoke(Profile::profileId)))
                .toList();
        Aggregate<Profile> survivor = candidates.get(0);
        String survivorId = survivor.invoke(Profile::profileId);
        boolean blocked = false;
        for (Aggregate<Profile> other : candidates.subList(1, candidates.size())) {
            blocked |= !absorb(survivor, survivorId, other, sharedAliases(aliases, owners, survivorId, other), evidence);
        }
        return blocked ? Optional.empty() : Optional.of(survivorId);
    }

    private boolean absorb(Aggregate<Profile> survivor, String survivorId, Aggregate<Profile> other,
                           List<String> shared, Evidence evidence) {
        String otherId = other.invoke(Profile::profileId);
        List<String> otherAliases = other.invoke(Profile::aliases);
        MergeProfiles merge = new MergeProfiles(survivorId, otherId, shared, otherAliases,
                other.invoke(Profile::properties), other.invoke(Profile::sessions), evidence);
        if (!survivor.invoke(p -> p.handle(merge, limits))) {
            return false;
        }
        other.execute(p -> p.handle(new MarkProfileMerged(otherId, survivorId, shared, evidence)));
        aliasIndex.reassign(otherAliases, survivorId);
        return true;
    }

    private List<String> sharedAliases(List<String> aliases, Map<String, String> owners, String survivorId,
                                       Aggregate<Profile> other) {
        String otherId = other.invoke(Profile::profileId);
        return aliases.stream().filter(alias -> {
            String owner = owners.get(alias);
            return owner != null && (owner.equals(survivorId) || owner.equals(otherId));
        }).toList();
    }

    private void link(String profileId, String alias, Evidence evidence) {
        if (!aliasIndex.claim(alias, profileId)) {
            return;
        }
        boolean linked = profiles.load(profileId).invoke(p -> p.handle(new LinkAlias(profileId, alias, evidence), limits));
        if (!linked) {
            aliasIndex.release(alias, profileId);
        }
    }

    private String survivorOf(String profileId) {
        String current = profileId;
        for (int hops = 0; hops < 32; hops++) {
            String next = profiles.load(current).invoke(Profile::mergedInto);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }
}
