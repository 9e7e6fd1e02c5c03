package io.tributary.app.marketing.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.app.marketing.connector.PlatformHttp;
import io.tributary.saga.marketing.PullFailure;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/** Shared reading of the platforms' OAuth answers: failures become {@link OAuthFailure}s with the platform's words. */
final class OAuthAnswers {

    private OAuthAnswers() {
    }

    static URI withQuery(String url, Map<String, String> query) {
        return URI.create(url + (url.contains("?") ? "&" : "?") + PlatformHttp.query(query));
    }

    /** The JSON body of a successful answer; else a failure with the platform's message (read by {@code error}). */
    static JsonNode json(String platform, PlatformHttp.Answer answer, Function<JsonNode, String> error) {
        JsonNode body = answer.json(platform);
        String message = error.apply(body);
        if (!answer.ok() || message != null) {
            throw new OAuthFailure(platform + " refused: " + (message == null ? "HTTP " + answer.status() : message));
        }
        return body;
    }

    static String required(String platform, JsonNode node, String field) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new OAuthFailure(platform + " answered without " + field);
        }
        return value;
    }

    /** Runs a call to a platform, turning network trouble into a failure that can be shown. */
    static <T> T calling(String platform, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PullFailure failure) {
            throw new OAuthFailure(platform + ": " + failure.getMessage());
        }
    }
}
