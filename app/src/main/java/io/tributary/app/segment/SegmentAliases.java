package io.tributary.app.segment;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.AliasParser;
import io.tributary.api.intake.ParsedAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the aliases of one message in the form the core expects ({@code urn:<type>:<value>}), each checked by
 * the core alias rules, with a problem naming the Segment field of every alias that is not valid.
 */
final class SegmentAliases {

    static final int MAX_ALIASES = 10;

    private final AliasParser rules;
    private final List<FieldError> errors;
    private final List<String> aliases = new ArrayList<>();

    SegmentAliases(AliasParser rules, List<FieldError> errors) {
        this.rules = rules;
        this.errors = errors;
    }

    SegmentAliases add(String type, String value, String field) {
        if (value == null) {
            return this;
        }
        ParsedAlias alias = rules.parse("urn:" + type + ":" + value);
        if (!alias.isValid()) {
            errors.add(new FieldError(field, alias.error()));
        } else if (!aliases.contains(alias.urn())) {
            aliases.add(alias.urn());
        }
        return this;
    }

    /** {@code email} of a traits object, when it is a non-blank string. */
    SegmentAliases addEmail(Map<String, Object> traits, String field) {
        Object email = traits.get("email");
        if (email != null && !(email instanceof String)) {
            errors.add(new FieldError(field, "must be a string"));
        }
        return add("email", MessageFields.string(email), field);
    }

    /**
     * Segment's {@code context.externalIds}, {@code [{id, type, …}]}: the type lower-cased, with characters other
     * than {@code [a-z0-9_]} replaced by {@code _} ({@code ga-client-id} → {@code urn:ga_client_id:…}).
     */
    @SuppressWarnings("unchecked")
    SegmentAliases addExternalIds(Object externalIds, String field) {
        if (externalIds == null) {
            return this;
        }
        if (!(externalIds instanceof List<?> list)) {
            errors.add(new FieldError(field, "must be an array of {id, type}"));
            return this;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemField = field + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                errors.add(new FieldError(itemField, "must be an object {id, type}"));
                continue;
            }
            Map<String, Object> external = (Map<String, Object>) item;
            String id = MessageFields.requiredText(external, "id", itemField + ".id", "is required", errors);
            String type = MessageFields.requiredText(external, "type", itemField + ".type", "is required", errors);
            if (id != null && type != null) {
                add(type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"), id, itemField);
            }
        }
        return this;
    }

    List<String> toList() {
        if (aliases.size() > MAX_ALIASES) {
            errors.add(new FieldError("aliases", "a message may carry at most " + MAX_ALIASES + " aliases (userId, "
                    + "anonymousId, email, previousId and context.externalIds), not " + aliases.size()));
        }
        return List.copyOf(aliases);
    }
}
