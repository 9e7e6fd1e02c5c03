package io.tributary.app.segment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends a Segment {@code context.campaign} to a page URL as utm parameters, so that the session's channel rules
 * see it. Parameters the URL already has are left as they are.
 */
final class CampaignUrl {

    private static final Map<String, String> UTM_OF = utmNames();

    private CampaignUrl() {
    }

    static String withCampaign(String url, Map<String, Object> campaign) {
        if (url == null || campaign.isEmpty()) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        StringBuilder result = new StringBuilder(base);
        UTM_OF.forEach((field, utm) -> {
            Object value = campaign.get(field);
            if (value instanceof Map || value instanceof Iterable || value == null || value.toString().isBlank()
                    || hasParameter(base, utm)) {
                return;
            }
            String encoded = URLEncoder.encode(value.toString().trim(), StandardCharsets.UTF_8);
            result.append(separator(result)).append(utm).append('=').append(encoded);
        });
        return result + fragment;
    }

    private static String separator(CharSequence url) {
        String text = url.toString();
        if (text.indexOf('?') < 0) {
            return "?";
        }
        return text.endsWith("?") || text.endsWith("&") ? "" : "&";
    }

    private static boolean hasParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> utmNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("source", "utm_source");
        names.put("medium", "utm_medium");
        names.put("name", "utm_campaign");
        names.put("term", "utm_term");
        names.put("content", "utm_content");
        return names;
    }
}
