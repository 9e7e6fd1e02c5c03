package io.tributary.app.identity;

import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The profile explorer's identity buttons, as a logged-in browser posts them (the confirmation is the browser's). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityDashboardTest {

    @LocalServerPort
    int port;
    Api api;
    HttpClient browser;
    String serverToken;

    @BeforeEach
    void logIn() throws Exception {
        api = new Api(port);
        serverToken = (String) api.createSource("shop server " + UUID.randomUUID(), "server").get("token");
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(post("/dashboard/login", Map.of("token", Api.ADMIN_TOKEN)).statusCode()).isEqualTo(302);
    }

    @Test
    void mergesSplitsAndQuarantinesFromTheProfileExplorer() throws Exception {
        String ann = "urn:anonymous_id:" + UUID.randomUUID();
        String bob = "urn:anonymous_id:" + UUID.randomUUID();
        event(ann, "2019-12-01T10:00:00Z");
        event(bob, "2019-12-01T11:00:00Z");
        String annId = profileOf(ann);
        String bobId = profileOf(bob);

        HttpResponse<String> refused = post("/dashboard/profiles/" + annId + "/merge", Map.of("otherProfileId", bobId));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(page("/dashboard/profiles?q=" + annId)).doesNotContain("Merged " + bobId);

        post("/dashboard/profiles/" + annId + "/merge", Map.of("otherProfileId", bobId, "reason", "same person"));
        assertThat(page("/dashboard/profiles?q=" + annId)).contains("Merged " + bobId + " into this profile.")
                .contains("data-confirm=");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(page("/dashboard/profiles?q=" + annId))
                .contains("id=\"split-form\"").contains("<option value=\"" + bobId + "\">"));

        post("/dashboard/profiles/" + annId + "/split", Map.of("mergedProfileId", bobId, "reason", "not the same"));
        assertThat(page("/dashboard/profiles?q=" + annId)).contains("Split " + bobId + " off");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(profileOf(bob)).isEqualTo(bobId));

        HttpResponse<String> quarantined = post("/dashboard/identity/quarantine",
                Map.of("alias", bob, "reason", "a shared kiosk"));
        assertThat(page(quarantined.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""))).contains("Quarantined " + bob);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/api/identity/quarantine")
                .jsonList()).anySatisfy(q -> assertThat(q).containsEntry("alias", bob).containsEntry("operator", "dashboard")));
    }

    private void event(String alias, String timestamp) {
        Api.Response response = api.webhook(serverToken, with(webhook("Signed Up", UUID.randomUUID().toString(),
                List.of(alias)), "timestamp", timestamp));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String profileOf(String alias) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/profiles?alias=" + alias).status() == 200);
        return (String) api.get("/api/profiles?alias=" + alias).json().get("profileId");
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page as the browser gets it after the redirect: flash messages are shown once. */
    private String page(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
