package io.tributary.command.profile;

import io.tributary.api.intake.AliasTypes;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many aliases of a type one profile may own. Types without an entry are unlimited.
 *
 * @param maxPerType alias type → the most aliases of that type a profile may own
 */
public record AliasLimits(Map<String, Integer> maxPerType) {

    public AliasLimits {
        maxPerType = Map.copyOf(maxPerType);
        if (maxPerType.values().stream().anyMatch(max -> max < 0)) {
            throw new IllegalArgumentException("alias limits cannot be negative: " + maxPerType);
        }
    }

    public static AliasLimits defaults() {
        return new AliasLimits(Map.of("user_id", 1, "customer_id", 1, "email", 5, "phone", 5, "anonymous_id", 100));
    }

    /**
     * The first limit, in alias priority order, that owning {@code owned} plus {@code adding} would break,
     * as {@code limit:<type>:<max>}. A type only counts as broken when {@code adding} brings a new alias of
     * it, so a profile already over a lowered limit can still gain aliases of other types.
     */
    public Optional<String> violation(Collection<String> owned, Collection<String> adding) {
        Set<String> gained = new HashSet<>(adding);
        gained.removeAll(Set.copyOf(owned));
        Set<String> all = new HashSet<>(owned);
        all.addAll(gained);
        Map<String, Long> countPerType = all.stream()
                .collect(Collectors.groupingBy(AliasTypes::typeOf, Collectors.counting()));

        return gained.stream()
                .map(AliasTypes::typeOf)
                .distinct()
                .filter(maxPerType::containsKey)
                .filter(type -> countPerType.get(type) > maxPerType.get(type))
                .min(Comparator.comparingInt(AliasTypes::priority).thenComparing(Function.identity()))
                .map(type -> "limit:" + type + ":" + maxPerType.get(type));
    }
}
