package io.tributary.app.marketing.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.app.marketing.MarketingProperties.OAuthApp;
import io.tributary.app.marketing.connector.GoogleAccessTokens;
import io.tributary.app.marketing.connector.PlatformHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's OAuth 2.0 for web server apps with the {@code adwords} scope, offline access and a refresh token; the
 * access token expires within the hour and {@link GoogleAccessTokens} refreshes it. Accounts from
 * {@code customers:listAccessibleCustomers}, which names ids only.
 */
class GoogleOAuth implements OAuthFlow {

    private final PlatformHttp http;
    private final Clock clock;

    GoogleOAuth(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public AdPlatform platform() {
        return AdPlatform.GOOGLE;
    }

    @Override
    public URI authorizeUri(OAuthApp app, String redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", app.scope());
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("include_granted_scopes", "true");
        query.put("state", state);
        return OAuthAnswers.withQuery(app.authorizeUrl(), query);
    }

    @Override
    public Map<String, String> exchange(OAuthApp app, String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret());
        form.put("redirect_uri", redirectUri);
        form.put("grant_type", "authorization_code");
        JsonNode body = OAuthAnswers.json("Google", http.post(URI.create(app.tokenUrl()), Map.of(),
                "application/x-www-form-urlencoded", PlatformHttp.query(form)), GoogleOAuth::error);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("developerToken", app.developerToken());
        credentials.put("clientId", app.clientId());
        credentials.put("clientSecret", app.clientSecret());
        credentials.put("refreshToken", OAuthAnswers.required("Google", body, "refresh_token"));
        credentials.put("accessToken", OAuthAnswers.required("Google", body, "access_token"));
        credentials.put(GoogleAccessTokens.EXPIRES_AT,
                clock.instant().plus(Duration.ofSeconds(body.path("expires_in").asLong(0))).toString());
        return credentials;
    }

    @Override
    public List<AdAccount> accounts(OAuthApp app, Map<String, String> credentials) {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + credentials.get("accessToken"),
                "developer-token", credentials.get("developerToken"));
        JsonNode body = OAuthAnswers.json("Google Ads", http.get(URI.create(app.accountsUrl()), headers),
                GoogleOAuth::error);
        List<AdAccount> accounts = new ArrayList<>();
        body.path("resourceNames").forEach(name -> accounts.add(
                new AdAccount(name.asText().replace("customers/", ""), null, null)));
        return accounts;
    }

    private static String error(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText() + (body.hasNonNull("error_description") ? " (" + body.get("error_description").asText() + ")" : "");
        }
        return error.path("message").asText(null);
    }
}
