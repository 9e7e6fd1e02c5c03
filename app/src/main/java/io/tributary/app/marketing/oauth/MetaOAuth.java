package io.tributary.app.marketing.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.app.marketing.MarketingProperties.OAuthApp;
import io.tributary.app.marketing.connector.PlatformHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facebook Login for Meta ads: {@code dialog/oauth}, then {@code oauth/access_token} twice: the code for a
 * short-lived user token, that for a long-lived one ({@code fb_exchange_token}, about 60 days; Meta has no refresh
 * token, so an expired token means connecting again). Accounts from {@code me/adaccounts}.
 */
class MetaOAuth implements OAuthFlow {

    private final PlatformHttp http;

    MetaOAuth(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public AdPlatform platform() {
        return AdPlatform.META;
    }

    @Override
    public URI authorizeUri(OAuthApp app, String redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("response_type", "code");
        query.put("scope", app.scope());
        return OAuthAnswers.withQuery(app.authorizeUrl(), query);
    }

    @Override
    public Map<String, String> exchange(OAuthApp app, String code, String redirectUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("client_secret", app.clientSecret());
        query.put("code", code);
        String shortLived = token(app, query);
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "fb_exchange_token");
        exchange.put("client_id", app.clientId());
        exchange.put("client_secret", app.clientSecret());
        exchange.put("fb_exchange_token", shortLived);
        return Map.of("accessToken", token(app, exchange));
    }

    @Override
    public List<AdAccount> accounts(OAuthApp app, Map<String, String> credentials) {
        URI uri = OAuthAnswers.withQuery(app.accountsUrl(), Map.of("fields", "account_id,name,currency", "limit", "500"));
        JsonNode body = OAuthAnswers.json("Meta", http.get(uri,
                Map.of("Authorization", "Bearer " + credentials.get("accessToken"))), this::error);
        List<AdAccount> accounts = new ArrayList<>();
        body.path("data").forEach(account -> accounts.add(new AdAccount(account.path("account_id").asText(),
                account.path("name").asText(null), account.path("currency").asText(null))));
        return accounts;
    }

    private String token(OAuthApp app, Map<String, String> query) {
        JsonNode body = OAuthAnswers.json("Meta", http.get(OAuthAnswers.withQuery(app.tokenUrl(), query), Map.of()),
                this::error);
        return OAuthAnswers.required("Meta", body, "access_token");
    }

    private String error(JsonNode body) {
        return body.path("error").path("message").asText(null);
    }
}
