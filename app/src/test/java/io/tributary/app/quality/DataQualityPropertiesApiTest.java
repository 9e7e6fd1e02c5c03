package io.tributary.app.quality;

import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** "Which events are sent with which properties", through HTTP: the properties field of GET /api/data-quality. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tributary.database=data-quality-properties-test")
@ActiveProfiles("test")
class DataQualityPropertiesApiTest {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void listsEachPropertyPerEventAndSourceWithFillRateTypesDriftAndMaskedExamples() {
        Api api = new Api(port);
        Map<String, Object> source = api.createSource("Newsletter backend", "server");
        String token = (String) source.get("token");
        signUp(api, token, "s-1", "ann@example.com", "Ann", 3);
        signUp(api, token, "s-2", "bob@example.com", null, "3");
        signUp(api, token, "s-3", "cy@example.com", "Cy", 4);
        signUp(api, token, "s-4", "dee@example.com", "Dee", 5);

        Instant from = Instant.now().minus(Duration.ofHours(1));
        Instant to = Instant.now().plus(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> table = (List<Map<String, Object>>) api.get("/api/data-quality?from=" + from
                    + "&to=" + to).json().get("properties");
            assertThat(table).hasSize(1);
            Map<String, Object> signedUp = table.get(0);
            assertThat(signedUp).containsEntry("eventName", "Signed Up").containsEntry("sourceId", source.get("id"))
                    .containsEntry("sourceName", "Newsletter backend").containsEntry("acceptedCount", 4)
                    .containsEntry("truncated", false);
            Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
            ((List<Map<String, Object>>) signedUp.get("properties")).forEach(p -> byName.put((String) p.get("property"), p));
            assertThat(byName.get("email")).containsEntry("count", 4).containsEntry("typeDrift", false)
                    .containsEntry("types", Map.of("string", 4))
                    .containsEntry("examples", List.of("a***@example.com", "b***@example.com", "c***@example.com"));
            assertThat((BigDecimal) byName.get("email").get("fillRate")).isEqualByComparingTo("1");
            assertThat(byName.get("first_name")).containsEntry("count", 3)
                    .containsEntry("examples", List.of("A***", "C***", "D***"));
            assertThat((BigDecimal) byName.get("first_name").get("fillRate")).isEqualByComparingTo("0.75");
            assertThat(byName.get("plan_size")).containsEntry("typeDrift", true)
                    .containsEntry("types", Map.of("number", 3, "string", 1));
        });
        assertThat(api.get("/api/data-quality?from=" + from + "&to=" + to).body())
                .doesNotContain("ann@example.com").doesNotContain("\"Ann\"");
    }

    private static void signUp(Api api, String token, String id, String email, String firstName, Object planSize) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("email", email);
        properties.put("first_name", firstName);
        properties.put("plan_size", planSize);
        Api.Response response = api.webhook(token, with(webhook("Signed Up", id, List.of("urn:email:" + email)),
                "properties", properties));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
