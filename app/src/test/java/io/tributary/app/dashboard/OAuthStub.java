package io.tributary.app.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.tributary.app.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A local stand-in for the platforms' OAuth servers and APIs, answering in their documented shapes: a consent page
 * with an "Allow" button that sends the browser back with a code, the token endpoints and the account lists.
 */
final class OAuthStub {

    static final String META_AUTHORIZE = "/v24.0/dialog/oauth";
    static final String META_TOKEN = "/v24.0/oauth/access_token";
    static final String META_ACCOUNTS = "/v24.0/me/adaccounts";
    static final String GOOGLE_AUTHORIZE = "/o/oauth2/v2/auth";
    static final String GOOGLE_TOKEN = "/token";
    static final String GOOGLE_ACCOUNTS = "/v24/customers:listAccessibleCustomers";
    static final String TIKTOK_AUTHORIZE = "/portal/auth";
    static final String TIKTOK_TOKEN = "/open_api/v1.3/oauth2/access_token/";
    static final String TIKTOK_ACCOUNTS = "/open_api/v1.3/oauth2/advertiser/get/";

    static final String META_CODE = "meta-code-AQDx81";
    static final String META_SHORT_TOKEN = "EAAshortLivedMetaToken0001";
    static final String META_TOKEN_VALUE = "EAAlongLivedMetaTokenZZ9f3a";
    static final String GOOGLE_CODE = "4/0AeanS0google-code";
    static final String GOOGLE_ACCESS = "ya29.a0firstGoogleAccessToken";
    static final String GOOGLE_REFRESHED = "ya29.a0refreshedGoogleAccessToken";
    static final String GOOGLE_REFRESH = "1//0gRefreshTokenForTributary";
    static final String TIKTOK_CODE = "tiktok-auth-code-9d2e";
    static final String TIKTOK_TOKEN_VALUE = "act.tiktokLongTermAccessToken77";

    private OAuthStub() {
    }

    /** The app settings of all three platforms pointing at the stub. */
    static void register(BiConsumer<String, String> property, String stub) {
        String oauth = "tributary.marketing.oauth.";
        for (String platform : List.of("meta", "google", "tiktok")) {
            property.accept(oauth + platform + ".client-id", platform + "-app-id-1");
            property.accept(oauth + platform + ".client-secret", platform + "-app-secret-S3CR3T");
        }
        property.accept(oauth + "google.developer-token", "google-dev-token-XYZ12345");
        property.accept(oauth + "meta.authorize-url", stub + META_AUTHORIZE);
        property.accept(oauth + "meta.token-url", stub + META_TOKEN);
        property.accept(oauth + "meta.accounts-url", stub + META_ACCOUNTS);
        property.accept(oauth + "google.authorize-url", stub + GOOGLE_AUTHORIZE);
        property.accept(oauth + "google.token-url", stub + GOOGLE_TOKEN);
        property.accept(oauth + "google.accounts-url", stub + GOOGLE_ACCOUNTS);
        property.accept(oauth + "tiktok.authorize-url", stub + TIKTOK_AUTHORIZE);
        property.accept(oauth + "tiktok.token-url", stub + TIKTOK_TOKEN);
        property.accept(oauth + "tiktok.accounts-url", stub + TIKTOK_ACCOUNTS);
        property.accept("tributary.marketing.meta.base-url", stub);
        property.accept("tributary.marketing.google.base-url", stub);
        property.accept("tributary.marketing.tiktok.base-url", stub);
    }

    static void stubMeta(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(META_AUTHORIZE)).willReturn(consentPage("Meta", "code", META_CODE)));
        server.stubFor(get(urlPathEqualTo(META_TOKEN)).withQueryParam("code", equalTo(META_CODE))
                .withQueryParam("client_secret", equalTo("meta-app-secret-S3CR3T"))
                .willReturn(okJson(Api.write(Map.of("access_token", META_SHORT_TOKEN, "token_type", "bearer",
                        "expires_in", 5183944)))));
        server.stubFor(get(urlPathEqualTo(META_TOKEN)).withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo(META_SHORT_TOKEN))
                .willReturn(okJson(Api.write(Map.of("access_token", META_TOKEN_VALUE, "token_type", "bearer",
                        "expires_in", 5183944)))));
        server.stubFor(get(urlPathEqualTo(META_ACCOUNTS)).withHeader("Authorization", equalTo("Bearer " + META_TOKEN_VALUE))
                .willReturn(okJson(Api.write(Map.of("data", List.of(
                                Map.of("account_id", "4401", "id", "act_4401", "name", "Acme EU", "currency", "EUR"),
                                Map.of("account_id", "4402", "id", "act_4402", "name", "Acme US", "currency", "USD")),
                        "paging", Map.of("cursors", Map.of("before", "QVFI", "after", "QVFJ")))))));
    }

    static void stubGoogle(WireMockServer server, int accessTokenSeconds) {
        server.stubFor(get(urlPathEqualTo(GOOGLE_AUTHORIZE)).willReturn(consentPage("Google", "code", GOOGLE_CODE)));
        server.stubFor(post(urlPathEqualTo(GOOGLE_TOKEN)).withRequestBody(form("grant_type", "authorization_code"))
                .withRequestBody(form("code", GOOGLE_CODE))
                .willReturn(okJson(Api.write(Map.of("access_token", GOOGLE_ACCESS, "expires_in", accessTokenSeconds,
                        "refresh_token", GOOGLE_REFRESH, "scope", "https://www.googleapis.com/auth/adwords",
                        "token_type", "Bearer")))));
        server.stubFor(post(urlPathEqualTo(GOOGLE_TOKEN)).withRequestBody(form("grant_type", "refresh_token"))
                .withRequestBody(form("refresh_token", GOOGLE_REFRESH))
                .willReturn(okJson(Api.write(Map.of("access_token", GOOGLE_REFRESHED, "expires_in", 3599,
                        "scope", "https://www.googleapis.com/auth/adwords", "token_type", "Bearer")))));
        server.stubFor(get(urlPathEqualTo(GOOGLE_ACCOUNTS)).withHeader("Authorization", equalTo("Bearer " + GOOGLE_ACCESS))
                .withHeader("developer-token", equalTo("google-dev-token-XYZ12345"))
                .willReturn(okJson(Api.write(Map.of("resourceNames", List.of("customers/5550001111"))))));
    }

    static void stubTikTok(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(TIKTOK_AUTHORIZE)).willReturn(consentPage("TikTok", "auth_code", TIKTOK_CODE)));
        server.stubFor(post(urlPathEqualTo(TIKTOK_TOKEN)).withRequestBody(equalToJson("{\"app_id\":\"tiktok-app-id-1\",\"secret\":\"tiktok-app-secret-S3CR3T\",\"auth_code\":\""
                                + TIKTOK_CODE + "\"}"))
                .willReturn(okJson(Api.write(Map.of("code", 0, "message", "OK", "request_id", "2026120700001",
                        "data", Map.of("access_token", TIKTOK_TOKEN_VALUE, "advertiser_ids", List.of("7010000000000000001"),
                                "scope", List.of(4, 5)))))));
        server.stubFor(get(urlPathEqualTo(TIKTOK_ACCOUNTS)).withHeader("Access-Token", equalTo(TIKTOK_TOKEN_VALUE))
                .withQueryParam("app_id", equalTo("tiktok-app-id-1"))
                .willReturn(okJson(Api.write(Map.of("code", 0, "message", "OK", "request_id", "2026120700002",
                        "data", Map.of("list", List.of(Map.of("advertiser_id", "7010000000000000001",
                                "advertiser_name", "Acme TikTok"))))))));
    }

    /** The platform's consent page: "Allow" sends the browser to redirect_uri with the code and the same state. */
    private static ResponseDefinitionBuilder consentPage(String platform, String codeName, String code) {
        String html = """
                <!DOCTYPE html><html><head><title>%1$s: allow access</title></head>
                <body style="font-family:sans-serif;margin:3em">
                <h1>%1$s (local stub)</h1>
                <p id="consent">Tributary asks to read your ads' performance.</p>
                <button id="allow" onclick="allow()">Allow</button> <button id="deny" onclick="deny()">Cancel</button>
                <script>
                  var query = new URLSearchParams(window.location.search);
                  function back(params) {
                    params.set('state', query.get('state'));
                    window.location.href = query.get('redirect_uri') + '?' + params.toString();
                  }
                  function allow() { back(new URLSearchParams({'%2$s': '%3$s'})); }
                  function deny() { back(new URLSearchParams({'error': 'access_denied'})); }
                </script></body></html>""".formatted(platform, codeName, code);
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(html);
    }

    private static StringValuePattern form(String name, String value) {
        return containing(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
