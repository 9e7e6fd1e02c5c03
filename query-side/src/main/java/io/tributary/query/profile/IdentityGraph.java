package io.tributary.query.profile;

import io.tributary.api.identity.IdentityDecisionRow;
import io.tributary.query.support.MergeMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An identity graph rebuilt from decision rows alone, applied in the order they were decided: which profile owns
 * each alias and which profile each was merged into. What the merge stream export lets another system rebuild, and
 * what as-of reads replay up to a moment.
 */
public final class IdentityGraph {

    private final Set<String> profiles = new LinkedHashSet<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();

    public void apply(IdentityDecisionRow row) {
        switch (row.decision()) {
            case "profile_created" -> profiles.add(row.profileId());
            case "alias_linked" -> {
                profiles.add(row.profileId());
                row.aliases().forEach(alias -> owners.put(alias, row.profileId()));
            }
            case "profiles_merged" -> mergedInto.put(row.otherProfileId(), row.profileId());
            case "profile_split" -> {
                mergedInto.remove(row.otherProfileId());
                row.aliases().forEach(alias -> owners.put(alias, row.otherProfileId()));
            }
            default -> { }
        }
    }

    /** The profile {@code profileId} resolves to (itself when never merged). */
    public String resolve(String profileId) {
        return MergeMap.follow(profileId, mergedInto::get);
    }

    public boolean knows(String profileId) {
        return profiles.contains(profileId) || mergedInto.containsKey(profileId);
    }

    /** The aliases owned by the profile {@code survivor}, directly or through profiles merged into it. */
    public List<String> aliasesOf(String survivor) {
        List<String> aliases = new ArrayList<>();
        owners.forEach((alias, owner) -> {
            if (resolve(owner).equals(survivor)) {
                aliases.add(alias);
            }
        });
        return aliases;
    }

    /** The profiles merged into {@code survivor}, directly or through a chain. */
    public List<String> mergedInto(String survivor) {
        return mergedInto.keySet().stream().filter(id -> resolve(id).equals(survivor)).sorted().toList();
    }

    /** Each alias with the profile it resolves to. */
    public Map<String, String> aliasOwners() {
        Map<String, String> resolved = new LinkedHashMap<>();
        owners.forEach((alias, owner) -> resolved.put(alias, resolve(owner)));
        return resolved;
    }
}
