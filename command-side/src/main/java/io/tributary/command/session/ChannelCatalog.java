package io.tributary.command.session;

import java.util.List;
import java.util.Locale;

/**
 * The names {@link ChannelRules} recognise. Every entry is matched case-insensitively.
 *
 * @param searchEngines  registrable names of search engines, e.g. {@code google} for www.google.co.uk
 * @param socialNetworks registrable names of social networks
 * @param emailSources   utm_source or utm_medium values that mean email
 * @param paidMediums    utm_medium values that mean paid; an entry ending in {@code *} is a prefix
 */
public record ChannelCatalog(List<String> searchEngines, List<String> socialNetworks, List<String> emailSources,
                             List<String> paidMediums) {

    public ChannelCatalog {
        searchEngines = normalised(searchEngines);
        socialNetworks = normalised(socialNetworks);
        emailSources = normalised(emailSources);
        paidMediums = normalised(paidMediums);
    }

    public static ChannelCatalog defaults() {
        return new ChannelCatalog(
                List.of("google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia"),
                List.of("facebook", "instagram", "tiktok", "twitter", "x", "linkedin", "pinterest", "reddit",
                        "youtube", "snapchat"),
                List.of("email", "newsletter", "klaviyo", "e-mail", "mail"),
                List.of("cpc", "cpm", "cpv", "cpa", "ppc", "retargeting", "paid*"));
    }

    public boolean isSearchEngine(String name) {
        return searchEngines.contains(lower(name));
    }

    public boolean isSocialNetwork(String name) {
        return socialNetworks.contains(lower(name));
    }

    public boolean isEmailSource(String value) {
        return emailSources.contains(lower(value));
    }

    public boolean isPaidMedium(String medium) {
        String value = lower(medium);
        if (value.isEmpty()) {
            return false;
        }
        return paidMediums.stream().anyMatch(entry -> entry.endsWith("*")
                ? value.startsWith(entry.substring(0, entry.length() - 1))
                : value.equals(entry));
    }

    private static List<String> normalised(List<String> names) {
        return names == null ? List.of() : names.stream().map(ChannelCatalog::lower).toList();
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
