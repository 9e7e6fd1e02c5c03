package io.tributary.app.dashboard;

import io.tributary.api.ingestion.FieldError;
import io.tributary.app.web.ApiProblem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the dashboard's source forms into the bodies the admin API reads, leaving blank fields out. */
final class SourceForms {

    private static final Map<String, List<String>> FIELDS = Map.of(
            "browser", List.of("name", "allowedOrigins", "dataLayer"),
            "server", List.of("name"),
            "shopify", List.of("name", "shopDomain", "signingSecret", "adminApiToken"),
            "woocommerce", List.of("name", "storeUrl", "signingSecret", "consumerKey", "consumerSecret"));

    private SourceForms() {
    }

    /** The JSON body of {@code POST /api/sources} for a form of this type; unknown types pass through to be refused. */
    static Map<String, Object> sourceBody(Map<String, String> form) {
        String type = form.getOrDefault("type", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        for (String field : FIELDS.getOrDefault(type, List.of("name"))) {
            String value = form.get(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            body.put(field, switch (field) {
                case "allowedOrigins" -> origins(value);
                case "dataLayer" -> true; // a checkbox: present when ticked
                default -> value.trim();
            });
        }
        return body;
    }

    private static List<String> origins(String value) {
        return Arrays.stream(value.split("[,\\s]+")).filter(origin -> !origin.isBlank()).toList();
    }

    /** What a refused form shows: every problem field with its message. */
    static List<String> messages(ApiProblem problem) {
        return problem.errors().stream().map(SourceForms::message).toList();
    }

    private static String message(FieldError error) {
        return error.field() == null ? error.message() : error.field() + ": " + error.message();
    }
}
