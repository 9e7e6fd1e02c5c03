package io.tributary.app.report;

import static io.tributary.app.Stores.SHOPIFY_SECRET;
import static io.tributary.app.Stores.newOrderId;
import static io.tributary.app.Stores.shopify;
import static io.tributary.app.Stores.shopifyOrder;
import static io.tributary.app.Stores.shopifyRefund;
import static io.tributary.app.Stores.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.app.Api;
import io.tributary.app.Stores;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The roll-ups through HTTP: the blended report says it was added up from them, a refund of a counted order shows
 * in the restatement log and as a marker on the blended page. Its data lives on days of July 2021, which no other
 * test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestatementsEndToEndTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void aRefundOfACountedOrderIsLoggedAndMarkedOnTheBlendedPage() throws Exception {
        Api api = new Api(port);
        String sourceId = (String) Stores.createShopify(api, null).get("id");
        String orderId = newOrderId();
        Instant placedAt = Instant.parse("2021-07-12T12:00:00Z");
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(orderId, placedAt).put("total_price", "60.00")
                .put("currency", "EUR"), SHOPIFY_SECRET, unique()).status()).isEqualTo(200);
        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> report = api.get("/api/reports/blended?from=2021-07-12&to=2021-07-12").json();
            assertThat(report.get("path")).isEqualTo("rollup");
            assertThat(new BigDecimal(((Map<String, Object>) report.get("totals")).get("netRevenue").toString()))
                    .isEqualByComparingTo("60.00");
        });

        ObjectNode refund = shopifyRefund(orderId, Long.toString(Math.abs((long) unique().hashCode()) + 1),
                placedAt.plus(Duration.ofDays(1)));
        ((ObjectNode) refund.withArray("transactions").get(0)).put("amount", "25.00").put("currency", "EUR");
        assertThat(shopify(api, sourceId, "refunds/create", refund, SHOPIFY_SECRET, unique()).status()).isEqualTo(200);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Api.Response response = api.get(
                    "/api/reports/restatements?from=2021-07-01&to=2021-07-31&model=last_touch&groupBy=channel");
            assertThat(response.status()).isEqualTo(200);
            List<Map<String, Object>> entries = (List<Map<String, Object>>) response.json().get("restatements");
            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.get("day")).isEqualTo("2021-07-12");
                assertThat(entry.get("cause")).isEqualTo("refund");
                assertThat(entry.get("eventId")).isNotNull();
                assertThat(new BigDecimal(((Map<String, Object>) entry.get("before")).get("netRevenue").toString()))
                        .isEqualByComparingTo("60.00");
                assertThat(new BigDecimal(((Map<String, Object>) entry.get("after")).get("netRevenue").toString()))
                        .isEqualByComparingTo("35.00");
            });
        });
        assertThat(dashboardPage("/dashboard/blended?from=2021-07-10&to=2021-07-14"))
                .contains("id=\"restated-days\"").contains("data-day=\"2021-07-12\"");
    }

    /** A dashboard page as a signed-in browser gets it (the dashboard takes a session cookie, not the bearer token). */
    private String dashboardPage(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + Api.ADMIN_TOKEN)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void refusesRestatementQueriesNamingEveryBadParameter() {
        Api.Response response = new Api(port).get("/api/reports/restatements?to=2021-13-01&model=best&groupBy=mood");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("from").contains("to").contains("model").contains("groupBy");
    }

    @Test
    void listsTheRollupsAmongTheRebuildableReadModels() {
        assertThat(new Api(port).get("/api/projections").body()).contains("attribution-rollups");
    }
}
