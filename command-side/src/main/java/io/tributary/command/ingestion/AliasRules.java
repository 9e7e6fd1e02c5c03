package io.tributary.command.ingestion;

import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.intake.ParsedAlias;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads and normalises aliases of the form {@code urn:<type>:<value>}, and ranks their types. */
public final class AliasRules implements AliasParser {

    static final int MAX_VALUE_LENGTH = 256;

    private static final String PREFIX = "urn:";
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]+");
    private static final Pattern ZEROS_AND_DASHES = Pattern.compile("[0-]*");
    private static final Set<String> PLACEHOLDERS = Set.of("-1", "null", "undefined", "nan", "none", "unknown",
            "[object object]", "true", "false", "anonymous", "guest");

    private final Supplier<? extends Collection<String>> extraBlockedValues;
    private final Predicate<String> quarantined;
    private volatile Blocked blocked;

    public AliasRules(Collection<String> extraBlockedValues) {
        this(extraBlockedValues, urn -> false);
    }

    /**
     * @param quarantined whether a normalised urn is quarantined at run time: blocked on top of the configured values
     */
    public AliasRules(Collection<String> extraBlockedValues, Predicate<String> quarantined) {
        this(() -> extraBlockedValues, quarantined);
    }

    /**
     * @param extraBlockedValues the blocked values in force now (those of the identity rules in force), read at each
     *                           parse
     * @param quarantined        whether a normalised urn is quarantined at run time: blocked on top of those values
     */
    public AliasRules(Supplier<? extends Collection<String>> extraBlockedValues, Predicate<String> quarantined) {
        this.extraBlockedValues = extraBlockedValues;
        this.quarantined = quarantined;
    }

    public static AliasRules defaults() {
        return new AliasRules(Set.of());
    }

    @Override
    public ParsedAlias parse(String raw) {
        if (raw == null) {
            return ParsedAlias.invalid(null, "alias is missing");
        }
        String text = raw.trim();
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return ParsedAlias.invalid(raw, "alias must start with urn:");
        }
        int separator = text.indexOf(':', PREFIX.length());
        if (separator < 0) {
            return ParsedAlias.invalid(raw, "alias must be urn:<type>:<value>");
        }
        String type = text.substring(PREFIX.length(), separator).toLowerCase(Locale.ROOT);
        if (!TYPE.matcher(type).matches()) {
            return ParsedAlias.invalid(raw, "alias type must match [a-z0-9_]+");
        }
        String value = normalisedValue(type, text.substring(separator + 1));
        if (value.length() > MAX_VALUE_LENGTH) {
            return ParsedAlias.invalid(raw, "alias value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        String urn = PREFIX + type + ":" + value;
        return new ParsedAlias(raw, urn, type, value, null, isBlocked(type, value) || quarantined.test(urn));
    }

    /** Lower is stronger: a user_id outranks an email, which outranks an anonymous_id. */
    public static int priority(String type) {
        return AliasTypes.priority(type);
    }

    /** The type of an urn that {@link #parse} already normalised. */
    public static String typeOf(String urn) {
        return AliasTypes.typeOf(urn);
    }

    private static String normalisedValue(String type, String value) {
        return switch (type) {
            case "email" -> value.trim().toLowerCase(Locale.ROOT);
            case "phone" -> phoneDigits(value.trim());
            default -> value.trim();
        };
    }

    private static String phoneDigits(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return value.startsWith("+") ? "+" + digits : digits;
    }

    private boolean isBlocked(String type, String value) {
        String folded = folded(value);
        String significant = type.equals("phone") ? folded.replace("+", "") : folded;
        Set<String> blockedValues = blockedValues();
        return ZEROS_AND_DASHES.matcher(significant).matches()
                || blockedValues.contains(folded)
                || blockedValues.contains(significant);
    }

    /** The placeholders and the extra values in force, folded once per change of the extra values. */
    private Set<String> blockedValues() {
        Collection<String> extra = extraBlockedValues.get();
        Blocked current = blocked;
        if (current == null || current.extra() != extra) {
            current = new Blocked(extra, Stream.concat(PLACEHOLDERS.stream(), extra.stream())
                    .map(AliasRules::folded)
                    .collect(Collectors.toUnmodifiableSet()));
            blocked = current;
        }
        return current.folded();
    }

    private record Blocked(Collection<String> extra, Set<String> folded) {
    }

    private static String folded(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
