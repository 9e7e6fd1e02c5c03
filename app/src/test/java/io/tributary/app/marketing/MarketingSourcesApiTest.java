package io.tributary.app.marketing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.tributary.app.Api;
import io.tributary.app.StoredText;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The marketing-source endpoints: validation, masked credentials, not found, conflicts and admin auth. */
class MarketingSourcesApiTest extends MarketingEndToEnd {

    private static final String SECRET = "EAAGm0PX4ZCpsBA-very-secret-token-7c1e";

    @Autowired
    MongoDatabase database;

    @Test
    void neverAnswersTheCredentialsOnlyTheirMask() {
        Api.Response created = api.admin("POST", "/api/marketing-sources", Map.of("platform", "meta",
                "name", "Meta EU", "accountId", "act_42", "credentials", Map.of("accessToken", SECRET)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/marketing-sources/" + created.json().get("id"));
        assertThat(created.body()).doesNotContain(SECRET).contains("****7c1e");
        String id = (String) created.json().get("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response one = api.get("/api/marketing-sources/" + id);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json()).containsEntry("platform", "meta").containsEntry("accountId", "42")
                    .containsEntry("status", "active").containsEntry("credentials", Map.of("accessToken", "****7c1e"));
        });
        assertThat(api.get("/api/marketing-sources").body()).contains(id).doesNotContain(SECRET);

        Api.Response replaced = api.admin("PUT", "/api/marketing-sources/" + id + "/credentials",
                Map.of("credentials", Map.of("accessToken", SECRET + "-rotated-0001")));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body()).doesNotContain(SECRET).contains("****0001");
        assertThat(api.get("/api/marketing-sources/" + id).body() + api.get("/api/marketing-sources").body())
                .doesNotContain(SECRET);
        assertThat(StoredText.of(database)).as("the database, events included").doesNotContain(SECRET);
    }

    @Test
    void renamesASourceAndRefusesABlankOrUnknownOne() {
        String id = (String) api.admin("POST", "/api/marketing-sources", Map.of("platform", "tiktok",
                "name", "TikTok", "accountId", "7001")).json().get("id");

        Api.Response renamed = api.admin("PATCH", "/api/marketing-sources/" + id, Map.of("name", " TikTok Europe "));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json()).containsEntry("name", "TikTok Europe");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("/api/marketing-sources/" + id).json()).containsEntry("name", "TikTok Europe")
                        .containsEntry("accountId", "7001"));
        Api.Response blank = api.admin("PATCH", "/api/marketing-sources/" + id, Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("name").contains("is required");
        assertThat(api.admin("PATCH", "/api/marketing-sources/no-such-source", Map.of("name", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void refusesAnInvalidSourceNamingEveryField() {
        Api.Response refused = api.admin("POST", "/api/marketing-sources", Map.of("platform", "google",
                "accountId", "12", "credentials", Map.of("accessToken", "x")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "accountId", "credentials.developerToken");
    }

    @Test
    void refusesABadSyncRangeNamingTheField() {
        String id = connect("tiktok", "7100", Map.of("accessToken", "token-0123456789abcdef"), Map.of());

        assertThat(fields(api.admin("POST", "/api/marketing-sources/" + id + "/sync",
                Map.of("from", "2026-02-10", "to", "2026-02-01")))).containsExactly("from");
        assertThat(fields(api.admin("POST", "/api/marketing-sources/" + id + "/sync",
                Map.of("from", "01/02/2026")))).containsExactly("from");
        assertThat(fields(api.admin("POST", "/api/marketing-sources/" + id + "/sync",
                Map.of("from", "2020-01-01", "to", "2026-01-01")))).containsExactly("to");
    }

    @Test
    void syncsTheTrailingWindowWhenNoDaysAreGiven() {
        // rate limited throughout: the sync keeps running for the whole backoff schedule (4 retries, 4 s at least)
        platform.stubFor(get(urlPathEqualTo(TikTokSyncEndToEndTest.PATH)).withQueryParam("advertiser_id", equalTo("7101"))
                .willReturn(okJson("{\"code\":40100,\"message\":\"Too many requests.\",\"data\":{}}")));
        String id = connect("tiktok", "7101", Map.of("accessToken", "token-0123456789abcdef"), Map.of());

        Api.Response accepted = api.send("POST", "/api/marketing-sources/" + id + "/sync", null, null,
                "Authorization", "Bearer " + Api.ADMIN_TOKEN);

        assertThat(accepted.status()).isEqualTo(202);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(accepted.json()).containsEntry("decision", "started")
                .containsEntry("from", today.minusDays(29).toString()).containsEntry("to", today.toString());
        Api.Response again = api.admin("POST", "/api/marketing-sources/" + id + "/sync", Map.of());
        assertThat(again.json()).containsEntry("syncId", accepted.json().get("syncId"))
                .containsEntry("decision", "already_running");
    }

    @Test
    void anImportOnlySourceCannotSync() {
        String id = connect("meta", "5100", null, Map.of());

        Api.Response refused = api.admin("POST", "/api/marketing-sources/" + id + "/sync", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(fields(refused)).containsExactly("credentials");
    }

    @Test
    void answersNotFoundForAnUnknownSource() {
        assertThat(api.get("/api/marketing-sources/nope").status()).isEqualTo(404);
        assertThat(api.admin("POST", "/api/marketing-sources/nope/sync", Map.of()).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/marketing-sources/nope/import", "text/csv", "date,campaign_id,spend\n",
                "Authorization", "Bearer " + Api.ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void refusesABadMetricsQueryNamingEveryParameter() {
        Api.Response refused = api.get("/api/marketing/metrics?to=2026-13-01&groupBy=country");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("from", "to", "groupBy");
    }

    @Test
    void needsTheAdminToken() {
        assertThat(api.send("GET", "/api/marketing-sources", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/marketing/metrics?from=2026-01-01&to=2026-01-02", null, null).status())
                .isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(Api.Response response) {
        return ((List<Map<String, Object>>) response.json().get("errors")).stream().map(e -> e.get("field")).toList();
    }
}
