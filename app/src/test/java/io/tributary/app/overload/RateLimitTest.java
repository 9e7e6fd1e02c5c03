package io.tributary.app.overload;

import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Api;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Collect and {@code /v1/*} are limited per source and per client address, and say so in their headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tributary.collect.rate-limit.per-second=0.01", "tributary.collect.rate-limit.burst=3",
    "tributary.collect.address-rate-limit.per-second=0.01", "tributary.collect.address-rate-limit.burst=5"})
@ActiveProfiles("test")
@DirtiesContext
class RateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void limitsEachSourceThenTheClientAddressWithHeadersThatSaySo() {
        Api api = new Api(port);
        String first = (String) api.createSource("limited web", "browser").get("token");
        String second = (String) api.createSource("limited server", "server").get("token");

        List<Api.Response> bySource = List.of(collect(api, first), collect(api, first), collect(api, first),
                collect(api, first));
        assertThat(bySource).extracting(Api.Response::status).containsExactly(200, 200, 200, 429);
        assertThat(bySource).extracting(r -> r.header("X-RateLimit-Limit")).containsExactly("3", "3", "3", "3");
        assertThat(bySource).extracting(r -> r.header("X-RateLimit-Remaining")).containsExactly("2", "1", "0", "0");
        Api.Response refused = bySource.get(3);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.body()).contains("token").contains("too many requests");

        Api.Response segment = track(api, second);
        assertThat(segment.status()).as("another source, the address has budget left").isEqualTo(200);
        assertThat(segment.header("X-RateLimit-Remaining")).isEqualTo("0");
        Api.Response byAddress = track(api, second);
        assertThat(byAddress.status()).isEqualTo(429);
        assertThat(byAddress.header("Retry-After")).isNotNull();
        assertThat(byAddress.body()).contains("client address");
    }

    private static Api.Response collect(Api api, String token) {
        return api.collect(token, List.of(pixel("Viewed", null, "https://shop.example/", null,
                List.of("urn:anonymous_id:a-1"))));
    }

    private static Api.Response track(Api api, String writeKey) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/v1/track", "application/json",
                Api.write(Map.of("anonymousId", "a-2", "event", "Viewed", "messageId", "m-" + System.nanoTime())),
                "Authorization", basic);
    }
}
