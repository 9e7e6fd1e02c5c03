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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Shopify partial refund through HTTP, as Shopify signs it, down to the blended report. Its data lives on days of
 * June 2021, which no other test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RefundReportEndToEndTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    Api api;
    String sourceId;

    @BeforeEach
    void source() {
        api = new Api(port);
        sourceId = (String) Stores.createShopify(api, null).get("id");
    }

    @Test
    void aPartialShopifyRefundLeavesTheRestOfTheOrderInNetRevenue() {
        String orderId = newOrderId();
        Instant placedAt = Instant.parse("2021-06-15T12:00:00Z");
        ObjectNode order = shopifyOrder(orderId, placedAt).put("total_price", "119.90").put("currency", "EUR");
        ObjectNode refund = shopifyRefund(orderId, refundId(), placedAt.plus(Duration.ofDays(2)));
        ((ObjectNode) refund.withArray("transactions").get(0)).put("amount", "30.00").put("currency", "EUR");

        assertThat(shopify(api, sourceId, "orders/create", order, SHOPIFY_SECRET, unique()).status()).isEqualTo(200);
        assertThat(shopify(api, sourceId, "refunds/create", refund, SHOPIFY_SECRET, unique()).status()).isEqualTo(200);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> totals = totals("from=2021-06-15&to=2021-06-15");
            assertThat(number(totals, "revenue")).isEqualByComparingTo("119.90");
            assertThat(number(totals, "netRevenue")).isEqualByComparingTo("89.90");
        });
    }

    @Test
    void aRefundDeliveredBeforeItsOrderIsAppliedOnceTheOrderArrives() {
        String orderId = newOrderId();
        Instant placedAt = Instant.parse("2021-06-20T12:00:00Z");
        ObjectNode first = shopifyRefund(orderId, refundId(), placedAt.plus(Duration.ofHours(3)));
        ((ObjectNode) first.withArray("transactions").get(0)).put("amount", "30.00").put("currency", "EUR");
        ObjectNode second = shopifyRefund(orderId, refundId(), placedAt.plus(Duration.ofHours(4)));
        ((ObjectNode) second.withArray("transactions").get(0)).put("amount", "19.90").put("currency", "EUR");

        assertThat(shopify(api, sourceId, "refunds/create", first, SHOPIFY_SECRET, unique()).status()).isEqualTo(200);
        assertThat(shopify(api, sourceId, "refunds/create", second, SHOPIFY_SECRET, unique()).status()).isEqualTo(200);
        assertThat(shopify(api, sourceId, "orders/create",
                shopifyOrder(orderId, placedAt).put("total_price", "119.90").put("currency", "EUR"),
                SHOPIFY_SECRET, unique()).status()).isEqualTo(200);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> totals = totals("from=2021-06-20&to=2021-06-20");
            assertThat(number(totals, "revenue")).isEqualByComparingTo("119.90");
            assertThat(number(totals, "netRevenue")).isEqualByComparingTo("70.00");
        });
    }

    private Map<String, Object> totals(String range) {
        Api.Response response = api.get("/api/reports/blended?" + range + "&groupBy=channel&model=last_touch");
        assertThat(response.status()).isEqualTo(200);
        return (Map<String, Object>) response.json().get("totals");
    }

    private static String refundId() {
        return Long.toString(Math.abs((long) unique().hashCode()) + 1);
    }

    private static BigDecimal number(Map<String, Object> map, String field) {
        Object value = map.get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }
}
