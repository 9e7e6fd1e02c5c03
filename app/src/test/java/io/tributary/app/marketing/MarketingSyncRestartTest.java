package io.tributary.app.marketing;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tributary.api.secret.SecretBox;
import io.tributary.app.Api;
import io.tributary.app.TributaryApplication;
import io.tributary.embedded.EmbeddedMongoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A sync waiting for its retry when the app stops finishes once the app runs again on the same store. */
class MarketingSyncRestartTest {

    /** A real MongoDB needs the key; the same one across the restart opens the token sealed before it. */
    private static final String SECRET_KEY = SecretBox.generateKey();

    private EmbeddedMongoServer mongo;
    private WireMockServer platform;
    private String mongoUri;

    @BeforeEach
    void start() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        mongo = EmbeddedMongoServer.memory();
        mongoUri = mongo.connectionString();
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.stop();
        mongo.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSyncWaitingForItsRetryFinishesAfterARestart() {
        platform.stubFor(TikTokSyncEndToEndTest.report("7300", "2026-01-01", "2026-01-02", "1")
                .inScenario("restart").whenScenarioStateIs(STARTED).willReturn(okJson("""
                        {"code":40100,"message":"Too many requests. Please retry in some time.","request_id":"r","data":{}}""")));
        platform.stubFor(TikTokSyncEndToEndTest.report("7300", "2026-01-01", "2026-01-02", "1")
                .inScenario("restart").whenScenarioStateIs("recovered").willReturn(okJson(TikTokSyncEndToEndTest.answer(
                        List.of(TikTokSyncEndToEndTest.item("2026-01-02", "ad-9", "7.25", "700", "7", "1", "19.00")),
                        1, 1))));
        String id;
        String syncId;
        try (ConfigurableApplicationContext first = app()) {
            Api api = api(first);
            Api.Response created = api.admin("POST", "/api/marketing-sources", Map.of("platform", "tiktok",
                    "name", "TikTok", "accountId", "7300", "currency", "USD", "apiBaseUrl", platform.baseUrl(),
                    "credentials", Map.of("accessToken", "token-0123456789abcdef")));
            id = (String) created.json().get("id");
            syncId = (String) api.admin("POST", "/api/marketing-sources/" + id + "/sync",
                    Map.of("from", "2026-01-01", "to", "2026-01-02")).json().get("syncId");
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, Object> lastSync = (Map<String, Object>) view(api, id).get("lastSync");
                return lastSync != null && Integer.valueOf(1).equals(lastSync.get("retries"));
            });
        }
        platform.setScenarioState("restart", "recovered");

        try (ConfigurableApplicationContext second = app()) {
            Api api = api(second);

            Map<String, Object> source = await().atMost(Duration.ofSeconds(60)).until(() -> view(api, id),
                    view -> "completed".equals(((Map<String, Object>) view.get("lastSync")).get("status")));

            assertThat((Map<String, Object>) source.get("lastSync")).containsEntry("syncId", syncId)
                    .containsEntry("retries", 1).containsEntry("rowCount", 1);
            assertThat(source).containsEntry("status", "active").containsEntry("rowsSynced", 1);
        }
    }

    private ConfigurableApplicationContext app() {
        return new SpringApplicationBuilder(TributaryApplication.class).profiles("test", "marketing")
                .run("--MONGODB_URI=" + mongoUri, "--server.port=0", "--tributary.marketing.retry.initial-backoff=5s",
                        "--tributary.secret-key=" + SECRET_KEY);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static Map<String, Object> view(Api api, String id) {
        Api.Response response = api.get("/api/marketing-sources/" + id);
        return response.status() == 200 ? response.json() : Map.of();
    }
}
