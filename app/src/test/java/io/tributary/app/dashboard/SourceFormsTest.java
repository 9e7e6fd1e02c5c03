package io.tributary.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the dashboard's source forms send to the admin API, and which install instructions a source gets. */
class SourceFormsTest {

    @Test
    void sendsOnlyTheFieldsOfTheChosenTypeLeavingBlankOnesOut() {
        assertThat(SourceForms.sourceBody(Map.of("type", "shopify", "name", " Acme ", "shopDomain", "acme",
                "signingSecret", "s", "adminApiToken", " ", "storeUrl", "https://other.example")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("type", "shopify", "name", "Acme", "shopDomain", "acme",
                        "signingSecret", "s"));
        assertThat(SourceForms.sourceBody(Map.of("type", "browser", "name", "Web",
                "allowedOrigins", "https://a.example, https://b.example")))
                .containsEntry("allowedOrigins", List.of("https://a.example", "https://b.example"));
        assertThat(SourceForms.sourceBody(Map.of("type", "server", "name", "Api", "allowedOrigins", "")))
                .doesNotContainKey("allowedOrigins");
        assertThat(SourceForms.sourceBody(Map.of("type", "browser", "name", "Web", "dataLayer", "true")))
                .containsEntry("dataLayer", true);
        assertThat(SourceForms.sourceBody(Map.of("type", "server", "name", "Api", "dataLayer", "true")))
                .doesNotContainKey("dataLayer");
    }

    @Test
    void leavesCredentialsOutWhenNoneAreGivenSoTheMarketingSourceOnlyTakesImports() {
        assertThat(MarketingForms.body(Map.of("platform", "meta", "name", "Meta", "accountId", "act_1",
                "accessToken", "", "developerToken", "dev"))).doesNotContainKey("credentials");
        assertThat(MarketingForms.body(Map.of("platform", "google", "name", "G", "accountId", "1234567890",
                "developerToken", "dev", "accessToken", "ignored for google forms")))
                .containsEntry("credentials", Map.of("developerToken", "dev"));
    }

    @Test
    void givesEachStoreItsOwnWebhookUrlAndTopics() {
        SourceInstall shopify = SourceInstall.of("https://t.example", "id-1", SourceType.SHOPIFY, "tok", null);
        SourceInstall woo = SourceInstall.of("https://t.example", "id-2", SourceType.WOOCOMMERCE, "tok", "/api/woocommerce/id-2");

        assertThat(shopify.webhookUrl()).isEqualTo("https://t.example/api/shopify/id-1");
        assertThat(shopify.topics()).contains("orders/create", "refunds/create").hasSize(7);
        assertThat(woo.webhookUrl()).isEqualTo("https://t.example/api/woocommerce/id-2");
        assertThat(woo.topics()).containsExactly("Order created", "Order updated");
        assertThat(SourceInstall.of("https://t.example", "id-3", SourceType.BROWSER, "tok", null).snippet())
                .endsWith("src=\"https://t.example/pixels/tok.js\"></script>");
    }

    @Test
    void offersAShopifyStoreTheCustomPixelOfEachEnabledBrowserSource() {
        List<SourceView> sources = List.of(source("w1", "Storefront", SourceType.BROWSER, "tok-web", "enabled"),
                source("w2", "Old storefront", SourceType.BROWSER, "tok-old", "disabled"),
                source("s1", "Backend", SourceType.SERVER, "tok-server", "enabled"));

        SourceInstall shopify = SourceInstall.of("https://t.example", "id-1", SourceType.SHOPIFY, "tok", null, sources);
        SourceInstall woo = SourceInstall.of("https://t.example", "id-2", SourceType.WOOCOMMERCE, "tok", null, sources);

        assertThat(shopify.customPixels()).containsExactly(
                new SourceInstall.CustomPixel("Storefront", "https://t.example/pixels/tok-web/shopify.js"));
        assertThat(woo.customPixels()).isEmpty();
    }

    private static SourceView source(String id, String name, SourceType type, String token, String status) {
        return new SourceView(id, name, type, token, status, List.of("*"), Instant.EPOCH, null, 0, 0, 0);
    }
}
