package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.saga.marketing.PullFailure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth access tokens for Google Ads: the stored {@code accessToken} while it is valid (a token entered by hand has
 * no {@code accessTokenExpiresAt} and is always used; one from "Connect" expires), else one obtained from the
 * refresh token (client id, client secret, refresh token) and kept until a minute before it expires.
 */
public class GoogleAccessTokens {

    /** When the stored access token expires (ISO-8601); only tokens obtained through "Connect" carry it. */
    public static final String EXPIRES_AT = "accessTokenExpiresAt";
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final PlatformHttp http;
    private final String defaultTokenUrl;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public GoogleAccessTokens(PlatformHttp http, String defaultTokenUrl, Clock clock) {
        this.http = http;
        this.defaultTokenUrl = defaultTokenUrl;
        this.clock = clock;
    }

    private record Token(int credentialsHash, String value, Instant expiresAt) {
    }

    public String accessToken(MarketingConnection connection) {
        String configured = connection.credential("accessToken");
        if (configured != null && (isValid(connection.credential(EXPIRES_AT))
                || connection.credential("refreshToken") == null)) {
            return configured;
        }
        int credentialsHash = Objects.hash(connection.credential("clientId"), connection.credential("refreshToken"));
        Token cached = tokens.get(connection.marketingSourceId());
        if (cached != null && cached.credentialsHash() == credentialsHash && clock.instant().isBefore(cached.expiresAt())) {
            return cached.value();
        }
        Token fresh = refresh(connection, credentialsHash);
        tokens.put(connection.marketingSourceId(), fresh);
        return fresh.value();
    }

    private boolean isValid(String expiresAt) {
        return expiresAt == null || clock.instant().isBefore(Instant.parse(expiresAt).minus(EARLY));
    }

    private Token refresh(MarketingConnection connection, int credentialsHash) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", connection.credential("clientId"));
        form.put("client_secret", connection.credential("clientSecret"));
        form.put("refresh_token", connection.credential("refreshToken"));
        PlatformHttp.Answer answer = http.post(URI.create(connection.option("tokenUrl", defaultTokenUrl)), Map.of(),
                "application/x-www-form-urlencoded", PlatformHttp.query(form));
        JsonNode body = answer.json("Google OAuth");
        if (!answer.ok() || !body.hasNonNull("access_token")) {
            String message = "Google OAuth: " + body.path("error").asText("HTTP " + answer.status())
                    + (body.hasNonNull("error_description") ? " (" + body.get("error_description").asText() + ")" : "");
            throw answer.serverTrouble() ? PullFailure.transientFailure(message, null) : PullFailure.fatal(message);
        }
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(3600));
        return new Token(credentialsHash, body.get("access_token").asText(), clock.instant().plus(lifetime).minus(EARLY));
    }
}
