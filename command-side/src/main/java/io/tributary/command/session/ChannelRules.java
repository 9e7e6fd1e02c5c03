package io.tributary.command.session;

import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.session.TrafficSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Classifies a landing into a channel group and channel. The first rule that matches wins: the user's custom rules
 * in force (see {@link CustomChannelRules}), then the built-in ones: cvg_source, a paid utm_medium, a paid click id, utm_source/utm_medium (then a lone fbclid),
 * the external referrer, and finally Direct.
 */
public final class ChannelRules {

    private static final String PAID_SEARCH = "Paid Search";
    private static final String PAID_SOCIAL = "Paid Social";
    private static final String PAID_OTHER = "Paid Other";
    private static final String EMAIL = "Email";
    private static final String ORGANIC_SEARCH = "Organic Search";
    private static final String ORGANIC_SOCIAL = "Organic Social";
    private static final String REFERRAL = "Referral";
    private static final String AFFILIATES = "Affiliates";
    private static final String OTHER = "Other";
    private static final String DIRECT = "Direct";

    private static final String UNKNOWN = "Unknown";
    private static final List<String> CLICK_IDS = List.of("gclid", "gbraid", "wbraid", "msclkid", "ttclid", "fbclid");
    private static final Map<String, String> NAME_ALIASES = Map.of("x", "twitter", "fb", "facebook", "ig", "instagram");
    private static final Set<String> SECOND_LEVEL_LABELS = Set.of("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or");
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+");

    private final ChannelCatalog catalog;
    private final Supplier<ChannelRuleSet> inForce;

    public ChannelRules(ChannelCatalog catalog) {
        this(catalog, () -> ChannelRuleSet.BUILT_IN);
    }

    /** @param inForce the custom rules in force, asked at every classification */
    public ChannelRules(ChannelCatalog catalog, Supplier<ChannelRuleSet> inForce) {
        this.catalog = Objects.requireNonNull(catalog);
        this.inForce = Objects.requireNonNull(inForce);
    }

    public static ChannelRules defaults() {
        return new ChannelRules(ChannelCatalog.defaults());
    }

    /** Classifies with the custom rules in force. */
    public TrafficSource classify(String landingUrl, String referrer) {
        return classify(landingUrl, referrer, inForce.get());
    }

    /** Classifies with the given custom rules, for example a dry-run's candidates. */
    public TrafficSource classify(String landingUrl, String referrer, ChannelRuleSet custom) {
        Url landing = Url.parse(landingUrl);
        String referrerHost = Url.parse(referrer).host();
        String externalHost = referrerHost == null || referrerHost.equals(landing.host()) ? null : referrerHost;
        Map<String, String> params = landing.params();

        Optional<ChannelRule> rule = CustomChannelRules.firstMatch(custom.rules(), params, externalHost);
        Channel channel = rule.map(r -> new Channel(r.then().channelGroup(), r.then().channel()))
                .orElseGet(() -> channelOf(params, externalHost));
        String ownCampaign = params.getOrDefault("cvg_cid", params.get("utm_campaign"));
        String campaign = rule.map(r -> r.then().campaign()).filter(Objects::nonNull).orElse(ownCampaign);
        String adSet = params.get("cvg_asid");
        String ad = params.get("cvg_adid");
        String key = rule.isPresent() || hasTrafficSource(params, externalHost)
                ? keyOf(channel.group(), channel.name(), params.get("utm_medium"), campaign, adSet, ad)
                : null;
        return new TrafficSource(key, channel.group(), channel.name(), campaign, adSet, ad, landingUrl, referrer,
                custom.version());
    }

    private Channel channelOf(Map<String, String> params, String externalHost) {
        String source = params.get("utm_source");
        String medium = params.get("utm_medium");
        if (params.containsKey("cvg_source")) {
            return paidSource(params.get("cvg_source"));
        }
        if (catalog.isPaidMedium(medium)) {
            return paidPlatform(params, source);
        }
        Channel clicked = paidClick(params);
        if (clicked != null) {
            return clicked;
        }
        if (source != null || medium != null) {
            return fromUtm(source, lower(medium), externalHost);
        }
        if (params.containsKey("fbclid")) {
            return new Channel(ORGANIC_SOCIAL, "Facebook");
        }
        if (externalHost != null) {
            return fromReferrer(externalHost);
        }
        return new Channel(DIRECT, DIRECT);
    }

    private Channel paidPlatform(Map<String, String> params, String source) {
        Channel clicked = paidClick(params);
        if (clicked != null) {
            return clicked;
        }
        if (source != null) {
            return paidSource(source);
        }
        if (params.containsKey("fbclid")) {
            return new Channel(PAID_SOCIAL, "Meta Ads");
        }
        return new Channel(PAID_OTHER, UNKNOWN);
    }

    private static Channel paidClick(Map<String, String> params) {
        if (params.containsKey("gclid") || params.containsKey("gbraid") || params.containsKey("wbraid")) {
            return new Channel(PAID_SEARCH, "Google Ads");
        }
        if (params.containsKey("msclkid")) {
            return new Channel(PAID_SEARCH, "Microsoft Ads");
        }
        if (params.containsKey("ttclid")) {
            return new Channel(PAID_SOCIAL, "TikTok Ads");
        }
        return null;
    }

    private static Channel paidSource(String source) {
        return switch (canonicalName(source)) {
            case "google" -> new Channel(PAID_SEARCH, "Google Ads");
            case "bing", "microsoft" -> new Channel(PAID_SEARCH, "Microsoft Ads");
            case "facebook", "instagram", "meta" -> new Channel(PAID_SOCIAL, "Meta Ads");
            case "tiktok" -> new Channel(PAID_SOCIAL, "TikTok Ads");
            default -> new Channel(PAID_OTHER, source);
        };
    }

    private Channel fromUtm(String source, String medium, String externalHost) {
        if (catalog.isEmailSource(medium) || catalog.isEmailSource(source)) {
            return new Channel(EMAIL, source == null ? EMAIL : capitalised(lower(source)));
        }
        String origin = source != null ? source : externalHost;
        switch (medium) {
            case "social":
                return new Channel(ORGANIC_SOCIAL, displayName(origin));
            case "referral":
                return new Channel(REFERRAL, origin == null ? UNKNOWN : stripWww(lower(origin)));
            case "affiliate":
                return new Channel(AFFILIATES, displayName(origin));
            default:
                break;
        }
        String name = canonicalName(source);
        if (catalog.isSearchEngine(name)) {
            return new Channel(ORGANIC_SEARCH, capitalised(name));
        }
        if (catalog.isSocialNetwork(name)) {
            return new Channel(ORGANIC_SOCIAL, capitalised(name));
        }
        return new Channel(OTHER, displayName(origin));
    }

    private Channel fromReferrer(String host) {
        String name = canonicalName(host);
        if (catalog.isSearchEngine(name)) {
            return new Channel(ORGANIC_SEARCH, capitalised(name));
        }
        if (catalog.isSocialNetwork(name)) {
            return new Channel(ORGANIC_SOCIAL, capitalised(name));
        }
        return new Channel(REFERRAL, host);
    }

    private String displayName(String origin) {
        if (origin == null) {
            return UNKNOWN;
        }
        String name = canonicalName(origin);
        boolean known = catalog.isSearchEngine(name) || catalog.isSocialNetwork(name);
        return capitalised(known ? name : lower(origin));
    }

    /** {@code www.google.co.uk} → google, {@code lm.facebook.com} → facebook, {@code t.co} or {@code x} → twitter. */
    private static String canonicalName(String value) {
        String name = stripWww(lower(value));
        if (name.equals("t.co")) {
            return "twitter";
        }
        if (name.contains(".") && HOST.matcher(name).matches()) {
            name = registrableLabel(name.split("\\."));
        }
        return NAME_ALIASES.getOrDefault(name, name);
    }

    private static String registrableLabel(String[] labels) {
        int n = labels.length;
        if (n < 2) {
            return labels.length == 0 ? "" : labels[0];
        }
        boolean secondLevelSuffix = n >= 3 && SECOND_LEVEL_LABELS.contains(labels[n - 2]);
        return labels[secondLevelSuffix ? n - 3 : n - 2];
    }

    private static boolean hasTrafficSource(Map<String, String> params, String externalHost) {
        return externalHost != null
                || params.keySet().stream().anyMatch(name ->
                        name.startsWith("cvg_") || name.startsWith("utm_") || CLICK_IDS.contains(name));
    }

    private static String keyOf(String... parts) {
        return Stream.of(parts)
                .map(part -> part == null ? "" : lower(part).replace("|", "%7C"))
                .collect(Collectors.joining("|"));
    }

    private static String capitalised(String value) {
        return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    private static String stripWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private record Channel(String group, String name) {
    }

    /** A lenient reading of a URL: anything it cannot make sense of is simply absent, never an error. */
    private record Url(String host, Map<String, String> params) {

        static Url parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return new Url(null, Map.of());
            }
            String text = raw.trim();
            int question = text.indexOf('?');
            String beforeQuery = question < 0 ? text : text.substring(0, question);
            String query = question < 0 ? "" : text.substring(question + 1).split("#", 2)[0];
            return new Url(hostOf(beforeQuery.split("#", 2)[0]), paramsOf(query));
        }

        private static String hostOf(String text) {
            int scheme = text.indexOf("://");
            if (scheme < 0) {
                return null;
            }
            String authority = text.substring(scheme + 3).split("/", 2)[0];
            String host = authority.substring(authority.lastIndexOf('@') + 1).split(":", 2)[0];
            host = stripWww(lower(host));
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            return !host.isEmpty() && HOST.matcher(host).matches() ? host : null;
        }

        private static Map<String, String> paramsOf(String query) {
            Map<String, String> params = new HashMap<>();
            for (String pair : query.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                String name = lower(decoded(nameAndValue[0]));
                String value = nameAndValue.length < 2 ? "" : decoded(nameAndValue[1]).trim();
                if (!name.isEmpty() && !value.isEmpty()) {
                    params.putIfAbsent(name, value);
                }
            }
            return params;
        }

        /** A malformed escape such as {@code 50%off} keeps its raw text. */
        private static String decoded(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return text;
            }
        }
    }
}
