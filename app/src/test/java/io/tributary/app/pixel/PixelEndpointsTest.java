package io.tributary.app.pixel;

import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Serving the pixel script, and the collect endpoint's per-source rate limit (set very low here). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tributary.collect.rate-limit.per-second=0.001", "tributary.collect.rate-limit.burst=3"})
@ActiveProfiles("test")
class PixelEndpointsTest {

    static final int MAX_GZIPPED_BYTES = 6 * 1024;

    @LocalServerPort
    int port;
    Api api;
    String browserToken;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void browserSource() {
        api = new Api(port);
        browserToken = (String) api.createSource("web " + unique(), "browser").get("token");
    }

    @Test
    void servesTheScriptWithItsCollectUrlBakedIn() throws Exception {
        HttpResponse<String> script = get("/pixels/" + browserToken + ".js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
        assertThat(script.headers().firstValue("ETag")).isPresent();
        assertThat(script.body()).contains("\"http://127.0.0.1:" + port + "/api/collect/" + browserToken + "\"")
                .contains("cvg.process").doesNotContain("{{");
    }

    @Test
    void answersNotModifiedForTheSameEntityTag() throws Exception {
        String etag = get("/pixels/" + browserToken + ".js").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/pixels/" + browserToken + ".js", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void servesTheScriptGzippedWithinSixKilobytes() throws Exception {
        HttpResponse<byte[]> zipped = http.send(request("/pixels/" + browserToken + ".js", "Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThanOrEqualTo(MAX_GZIPPED_BYTES);
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(get("/pixels/" + browserToken + ".js").body());
    }

    @Test
    void hasNoScriptForUnknownServerOrDisabledSources() throws Exception {
        Map<String, Object> server = api.createSource("server " + unique(), "server");
        Map<String, Object> disabled = api.createSource("disabled " + unique(), "browser");
        api.admin("POST", "/api/sources/" + disabled.get("id") + "/disable", null);

        assertThat(get("/pixels/no-such-token.js").statusCode()).isEqualTo(404);
        assertThat(get("/pixels/" + server.get("token") + ".js").statusCode()).isEqualTo(404);
        assertThat(get("/pixels/" + disabled.get("token") + ".js").statusCode()).isEqualTo(404);
        assertThat(get("/pixels/" + browserToken).statusCode()).isEqualTo(404);
    }

    @Test
    void switchesTheDataLayerBridgeOnInTheScriptOfABrowserSourceWithTheSetting() throws Exception {
        Api.Response created = api.admin("POST", "/api/sources", Map.of("name", "gtm web " + unique(),
                "type", "browser", "dataLayer", true));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("dataLayer", true);

        assertThat(get("/pixels/" + created.json().get("token") + ".js").body())
                .contains("/api/collect/" + created.json().get("token") + "\", true, \"false\" == \"true\");\n");
        assertThat(get("/pixels/" + browserToken + ".js").body())
                .contains("/api/collect/" + browserToken + "\", false, \"false\" == \"true\");\n");
    }

    @Test
    void servesTheShopifyCustomPixelOfABrowserSourceOnly() throws Exception {
        HttpResponse<String> code = get("/pixels/" + browserToken + "/shopify.js");
        Map<String, Object> server = api.createSource("server " + unique(), "server");

        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(code.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
        assertThat(code.body()).contains("\"http://127.0.0.1:" + port + "/api/collect/" + browserToken + "\"")
                .contains("analytics.subscribe").doesNotContain("{{");
        assertThat(get("/pixels/" + server.get("token") + "/shopify.js").statusCode()).isEqualTo(404);
        assertThat(get("/pixels/no-such-token/shopify.js").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesADataLayerSettingThatIsNoBooleanOrNotOnABrowserSource() {
        Api.Response notBoolean = api.admin("POST", "/api/sources", Map.of("name", "web " + unique(),
                "type", "browser", "dataLayer", "yes"));
        Api.Response onServer = api.admin("POST", "/api/sources", Map.of("name", "api " + unique(),
                "type", "server", "dataLayer", true));

        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.body()).contains("\"field\":\"dataLayer\"").contains("must be true or false");
        assertThat(onServer.status()).isEqualTo(400);
        assertThat(onServer.body()).contains("\"field\":\"dataLayer\"").contains("browser sources only");
    }

    @Test
    void limitsCollectRequestsPerSource() {
        String otherToken = (String) api.createSource("other web " + unique(), "browser").get("token");
        List<Map<String, Object>> batch = List.of(pixel("$page_load", null, "https://shop.example/", null,
                List.of("urn:anonymous_id:" + unique())));

        List<Integer> statuses = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> api.send("POST", "/api/collect/" + browserToken, "text/plain",
                        Api.write(Map.of("events", batch)), "Origin", "https://shop.example").status())
                .toList();
        Api.Response limited = api.send("POST", "/api/collect/" + browserToken, "text/plain",
                Api.write(Map.of("events", batch)), "Origin", "https://shop.example");

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).as("0.001/s would say 1000 s: capped at a minute").isEqualTo("60");
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("Access-Control-Allow-Origin")).as("the pixel can read the status").isEqualTo("*");
        assertThat(api.collect(otherToken, batch).status()).as("each source has its own budget").isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return http.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
