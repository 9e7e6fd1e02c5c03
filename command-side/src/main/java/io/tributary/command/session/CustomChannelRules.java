package io.tributary.command.session;

import io.tributary.api.channel.ChannelCondition;
import io.tributary.api.channel.ChannelRule;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds the first user rule that a landing matches: every condition it gives must hold, case-insensitively. */
final class CustomChannelRules {

    private CustomChannelRules() {
    }

    /**
     * @param params       the landing URL's query parameters, names in lower case
     * @param externalHost the referrer's host without {@code www.}, or null when absent or the shop's own
     */
    static Optional<ChannelRule> firstMatch(List<ChannelRule> rules, Map<String, String> params, String externalHost) {
        return rules.stream().filter(rule -> matches(rule.when(), params, externalHost)).findFirst();
    }

    private static boolean matches(ChannelCondition when, Map<String, String> params, String externalHost) {
        if (when == null || when.givesNoCondition()) {
            return false;
        }
        return equal(when.utmSource(), params.get("utm_source"))
                && equal(when.utmMedium(), params.get("utm_medium"))
                && equal(when.utmCampaign(), params.get("utm_campaign"))
                && (when.clickId() == null || params.containsKey(lower(when.clickId())))
                && (when.referrerDomain() == null || isWithin(externalHost, when.referrerDomain()))
                && when.landingParams().entrySet().stream().allMatch(param -> hasParam(params, param));
    }

    private static boolean hasParam(Map<String, String> params, Map.Entry<String, String> wanted) {
        String actual = params.get(lower(wanted.getKey()));
        return actual != null && (wanted.getValue().equals("*") || equal(wanted.getValue(), actual));
    }

    private static boolean equal(String wanted, String actual) {
        return wanted == null || actual != null && lower(wanted).equals(lower(actual));
    }

    private static boolean isWithin(String host, String domain) {
        if (host == null) {
            return false;
        }
        String wanted = lower(domain);
        wanted = wanted.startsWith("www.") ? wanted.substring(4) : wanted;
        return host.equals(wanted) || host.endsWith("." + wanted);
    }

    private static String lower(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
