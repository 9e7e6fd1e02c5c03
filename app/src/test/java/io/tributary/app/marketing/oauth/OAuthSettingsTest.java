package io.tributary.app.marketing.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.marketing.MarketingProperties.OAuth;
import io.tributary.app.marketing.MarketingProperties.OAuthApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OAuth settings: the real platforms' endpoints by default, and when an app counts as configured. */
class OAuthSettingsTest {

    @Test
    void defaultsToThePlatformsOwnEndpoints() {
        OAuth oauth = new OAuth(null, null, null, null, null);

        assertThat(oauth.meta()).extracting(OAuthApp::authorizeUrl, OAuthApp::tokenUrl, OAuthApp::accountsUrl, OAuthApp::scope)
                .containsExactly("https://www.facebook.com/v24.0/dialog/oauth",
                        "https://graph.facebook.com/v24.0/oauth/access_token",
                        "https://graph.facebook.com/v24.0/me/adaccounts", "ads_read");
        assertThat(oauth.google()).extracting(OAuthApp::authorizeUrl, OAuthApp::tokenUrl, OAuthApp::accountsUrl)
                .containsExactly("https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                        "https://googleads.googleapis.com/v24/customers:listAccessibleCustomers");
        assertThat(oauth.tiktok()).extracting(OAuthApp::authorizeUrl, OAuthApp::tokenUrl, OAuthApp::accountsUrl)
                .containsExactly("https://business-api.tiktok.com/portal/auth",
                        "https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/",
                        "https://business-api.tiktok.com/open_api/v1.3/oauth2/advertiser/get/");
        assertThat(oauth.stateLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(oauth.publicUrl()).isNull();
    }

    @Test
    void keepsAConfiguredEndpointAndDropsATrailingSlashOfThePublicUrl() {
        OAuth oauth = new OAuth("https://t.shop.example/", null,
                new OAuthApp("id", "secret", "http://stub/auth", null, null, null, null), null, null);

        assertThat(oauth.meta().authorizeUrl()).isEqualTo("http://stub/auth");
        assertThat(oauth.meta().tokenUrl()).isEqualTo("https://graph.facebook.com/v24.0/oauth/access_token");
        assertThat(oauth.publicUrl()).isEqualTo("https://t.shop.example");
    }

    @ParameterizedTest(name = "client id {0}, secret {1}, developer token {2}, needs it {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "app-1, secret, null,  false, true",
            "app-1, null,   null,  false, false",
            "null,  secret, null,  false, false",
            "'  ',  secret, null,  false, false",
            "app-1, secret, null,  true,  false",
            "app-1, secret, dev-1, true,  true"})
    void isConfiguredOnlyWithEverythingThePlatformNeeds(String clientId, String secret, String developerToken,
                                                          boolean needsDeveloperToken, boolean configured) {
        OAuthApp app = new OAuth(null, null, new OAuthApp(clientId, secret, null, null, null, null, developerToken),
                null, null).meta();

        assertThat(app.isConfigured(needsDeveloperToken)).isEqualTo(configured);
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new OAuthApp("app-1", "the-app-secret", null, null, null, null, "dev-token").toString())
                .doesNotContain("the-app-secret").doesNotContain("dev-token");
    }
}
