package io.tributary.app.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the dashboard's marketing-source forms into the body of {@code POST /api/marketing-sources}. */
final class MarketingForms {

    private static final List<String> FIELDS = List.of("platform", "name", "accountId", "currency", "apiBaseUrl");
    private static final Map<String, List<String>> CREDENTIALS = Map.of(
            "meta", List.of("accessToken"),
            "tiktok", List.of("accessToken"),
            "google", List.of("developerToken", "clientId", "clientSecret", "refreshToken", "loginCustomerId"));

    private MarketingForms() {
    }

    /** Blank fields are left out; no credential at all makes a source that only takes CSV imports. */
    static Map<String, Object> body(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.get(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.trim());
            }
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String name : CREDENTIALS.getOrDefault(form.getOrDefault("platform", ""), List.of())) {
            String value = form.get(name);
            if (value != null && !value.isBlank()) {
                credentials.put(name, value.trim());
            }
        }
        if (!credentials.isEmpty()) {
            body.put("credentials", credentials);
        }
        return body;
    }
}
