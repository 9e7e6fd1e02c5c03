package io.tributary.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Metrics and OpenAPI need the admin token; the dashboard refuses cross-origin changes and cannot be framed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebHardeningTest {

    @LocalServerPort
    int port;

    @Test
    void keepsMetricsAndTheApiDescriptionBehindTheAdminToken() {
        Api api = new Api(port);
        for (String path : List.of("/actuator/metrics", "/actuator/prometheus", "/actuator/info", "/v3/api-docs",
                "/swagger-ui/index.html", "/swagger-ui.html")) {
            assertThat(api.send("GET", path, null, null).status()).as(path).isEqualTo(401);
            assertThat(api.send("GET", path, null, null, "Authorization", "Bearer wrong").status()).as(path)
                    .isEqualTo(401);
        }
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.send("GET", "/actuator/health", null, null).status()).as("health stays public").isEqualTo(200);
    }

    @Test
    void refusesCookieAuthenticatedChangesFromAnotherOrigin() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + Api.ADMIN_TOKEN)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String source = Api.write(Map.of("name", "cookie source", "type", "server"));

        HttpResponse<String> crossSite = http.send(json(base + "/api/sources", source).header("Origin",
                "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noOrigin = http.send(json(base + "/api/sources", source).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> sameSite = http.send(json(base + "/api/sources", source).header("Origin", base).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> dashboardCrossSite = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/logout"))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sources"))
                .header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("Origin");
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(sameSite.statusCode()).isEqualTo(201);
        assertThat(dashboardCrossSite.statusCode()).isEqualTo(403);
        assertThat(read.statusCode()).as("reads are not state changes").isEqualTo(200);
        assertThat(new Api(port).admin("POST", "/api/sources", Map.of("name", "bearer source", "type", "server"))
                .status()).as("the bearer token needs no Origin").isEqualTo(201);
    }

    @Test
    void sendsSecurityHeadersWithTheDashboard() {
        Api.Response page = new Api(port).send("GET", "/dashboard/login", null, null);

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
