package io.tributary.api.channel;

import io.tributary.api.ingestion.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every problem of a candidate rule set, each named by its field path ({@code rules[2].then.channel}). */
public final class ChannelRuleCheck {

    public static final int MAX_RULES = 200;
    static final int MAX_TEXT = 200;

    private ChannelRuleCheck() {
    }

    public static List<FieldError> problems(String field, List<ChannelRule> rules) {
        List<FieldError> errors = new ArrayList<>();
        if (rules == null) {
            errors.add(new FieldError(field, "is required (an empty list means no custom rules)"));
            return errors;
        }
        if (rules.size() > MAX_RULES) {
            errors.add(new FieldError(field, "holds " + rules.size() + " rules; at most " + MAX_RULES));
            return errors;
        }
        for (int i = 0; i < rules.size(); i++) {
            check(field + "[" + i + "]", rules.get(i), errors);
        }
        return errors;
    }

    private static void check(String path, ChannelRule rule, List<FieldError> errors) {
        if (rule == null) {
            errors.add(new FieldError(path, "is required"));
            return;
        }
        optionalText(path + ".name", rule.name(), errors);
        ChannelCondition when = rule.when();
        if (when == null || when.givesNoCondition()) {
            errors.add(new FieldError(path + ".when", "needs at least one condition: utmSource, utmMedium, "
                    + "utmCampaign, clickId, referrerDomain or landingParams"));
        } else {
            optionalText(path + ".when.utmSource", when.utmSource(), errors);
            optionalText(path + ".when.utmMedium", when.utmMedium(), errors);
            optionalText(path + ".when.utmCampaign", when.utmCampaign(), errors);
            optionalText(path + ".when.clickId", when.clickId(), errors);
            optionalText(path + ".when.referrerDomain", when.referrerDomain(), errors);
            for (Map.Entry<String, String> param : when.landingParams().entrySet()) {
                optionalText(path + ".when.landingParams", param.getKey(), errors);
                requiredText(path + ".when.landingParams." + param.getKey(), param.getValue(), errors);
            }
        }
        ChannelOutcome then = rule.then();
        if (then == null) {
            errors.add(new FieldError(path + ".then", "is required: channelGroup and channel"));
            return;
        }
        requiredText(path + ".then.channelGroup", then.channelGroup(), errors);
        requiredText(path + ".then.channel", then.channel(), errors);
        optionalText(path + ".then.campaign", then.campaign(), errors);
    }

    private static void requiredText(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            optionalText(field, value, errors);
        }
    }

    private static void optionalText(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(field, "is blank; leave it out instead"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "is longer than " + MAX_TEXT + " characters"));
        }
    }
}
