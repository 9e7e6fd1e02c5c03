package io.tributary.app.marketing;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tributary.app.Api;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The app on the embedded store, with a WireMock server standing in for an ad platform. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "marketing"})
abstract class MarketingEndToEnd {

    static WireMockServer platform;

    @LocalServerPort
    int port;
    Api api;

    @BeforeAll
    static void startPlatform() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop();
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** Connects a source to the stub platform and answers its id. */
    String connect(String platformName, String accountId, Map<String, Object> credentials, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("platform", platformName,
                "name", platformName + " " + accountId, "accountId", accountId, "currency", "EUR",
                "apiBaseUrl", platform.baseUrl()));
        if (credentials != null) {
            body.put("credentials", credentials);
        }
        body.putAll(extra);
        Api.Response created = api.admin("POST", "/api/marketing-sources", body);
        if (created.status() != 201) {
            throw new IllegalStateException("not created: " + created.body());
        }
        return (String) created.json().get("id");
    }

    /** Starts a sync of the days from..to and answers its id. */
    String sync(String sourceId, String from, String to) {
        Api.Response accepted = api.admin("POST", "/api/marketing-sources/" + sourceId + "/sync",
                Map.of("from", from, "to", to));
        if (accepted.status() != 202) {
            throw new IllegalStateException("sync not accepted: " + accepted.body());
        }
        return (String) accepted.json().get("syncId");
    }

    /** The source once the sync is over (completed or failed). */
    @SuppressWarnings("unchecked")
    Map<String, Object> awaitSyncEnd(String sourceId, String syncId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> source(sourceId), source -> {
            Map<String, Object> lastSync = (Map<String, Object>) source.get("lastSync");
            return lastSync != null && syncId.equals(lastSync.get("syncId"))
                    && List.of("completed", "failed").contains(lastSync.get("status"));
        });
    }

    Map<String, Object> source(String sourceId) {
        Api.Response response = api.get("/api/marketing-sources/" + sourceId);
        return response.status() == 200 ? response.json() : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> metrics(String sourceId, String from, String to, String groupBy) {
        Api.Response response = api.get("/api/marketing/metrics?from=" + from + "&to=" + to + "&groupBy=" + groupBy
                + "&sourceId=" + sourceId);
        if (response.status() != 200) {
            throw new IllegalStateException("metrics: " + response.body());
        }
        return (List<Map<String, Object>>) response.json().get("lines");
    }

    List<Map<String, Object>> history(String sourceId, String date) {
        return api.get("/api/marketing-sources/" + sourceId + "/history?date=" + date).jsonList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> lastSync(Map<String, Object> source) {
        return (Map<String, Object>) source.get("lastSync");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> lastError(Map<String, Object> source) {
        return (Map<String, Object>) source.get("lastError");
    }
}
