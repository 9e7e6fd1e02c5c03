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
 * TikTok API for Business advertiser authorization: the {@code portal/auth} page redirects back with an
 * {@code auth_code}, redeemed at {@code oauth2/access_token/} for a long-term access token (it does not expire;
 * revoking it means connecting again). Accounts from {@code oauth2/advertiser/get/}. Answers carry
 * {@code code} 0 on success and the error in {@code message}.
 */
class TikTokOAuth implements OAuthFlow {

    private final PlatformHttp http;

    TikTokOAuth(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public AdPlatform platform() {
        return AdPlatform.TIKTOK;
    }

    @Override
    public URI authorizeUri(OAuthApp app, String redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_id", app.clientId());
        query.put("state", state);
        query.put("redirect_uri", redirectUri);
        return OAuthAnswers.withQuery(app.authorizeUrl(), query);
    }

    @Override
    public String code(Map<String, String> callback) {
        String code = callback.get("auth_code");
        return code != null ? code : callback.get("code");
    }

    @Override
    public Map<String, String> exchange(OAuthApp app, String code, String redirectUri) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("app_id", app.clientId());
        request.put("secret", app.clientSecret());
        request.put("auth_code", code);
        JsonNode body = OAuthAnswers.json("TikTok", http.post(URI.create(app.tokenUrl()), Map.of(), "application/json",
                PlatformHttp.json(request)), TikTokOAuth::error);
        return Map.of("accessToken", OAuthAnswers.required("TikTok", body.path("data"), "access_token"));
    }

    @Override
    public List<AdAccount> accounts(OAuthApp app, Map<String, String> credentials) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_id", app.clientId());
        query.put("secret", app.clientSecret());
        JsonNode body = OAuthAnswers.json("TikTok", http.get(OAuthAnswers.withQuery(app.accountsUrl(), query),
                Map.of("Access-Token", credentials.get("accessToken"))), TikTokOAuth::error);
        List<AdAccount> accounts = new ArrayList<>();
        body.path("data").path("list").forEach(advertiser -> accounts.add(new AdAccount(
                advertiser.path("advertiser_id").asText(), advertiser.path("advertiser_name").asText(null), null)));
        return accounts;
    }

    private static String error(JsonNode body) {
        return body.path("code").asInt(-1) == 0 ? null : body.path("message").asText("code " + body.path("code").asText());
    }
}
