package io.tributary.app;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tributary.app.BackfillEndToEndTest.ORDERS;
import static io.tributary.app.BackfillEndToEndTest.shopifyPage;
import static io.tributary.app.Stores.SHOPIFY_SECRET;
import static io.tributary.app.Stores.newOrderId;
import static io.tributary.app.Stores.shopify;
import static io.tributary.app.Stores.shopifyOrder;
import static io.tributary.app.Stores.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A backfill interrupted by a shutdown resumes when the application starts again on the same data (the embedded
 * file store), and still counts every order once.
 */
class BackfillRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    WireMockServer store;
    ConfigurableApplicationContext app;

    @BeforeEach
    void startStore() {
        store = new WireMockServer(options().dynamicPort());
        store.start();
    }

    @AfterEach
    void stopAll() {
        if (app != null) {
            app.close();
        }
        store.stop();
    }

    @Test
    void resumesAnInterruptedBackfillAfterARestartWithoutCountingAnyOrderTwice() {
        Api api = start();
        String token = "shpat_" + unique();
        String sourceId = (String) Stores.createShopify(api, token).get("id");
        Instant now = Instant.now();
        List<ObjectNode> orders = IntStream.range(0, 8)
                .mapToObj(i -> shopifyOrder(newOrderId(), now.minusSeconds(1000 - i * 10L))).toList();
        shopify(api, sourceId, "orders/create", orders.get(0), SHOPIFY_SECRET, unique());
        store.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("page_info", absent())
                .willReturn(shopifyPage(orders.subList(0, 3), "p2")));
        store.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("page_info", equalTo("p2"))
                .willReturn(shopifyPage(orders.subList(3, 6), "p3").withFixedDelay(4000)));
        store.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("page_info", equalTo("p3"))
                .willReturn(shopifyPage(orders.subList(6, 8), null)));

        assertThat(api.admin("POST", "/api/sources/" + sourceId + "/backfill", Map.of("since", "2024-01-01")).status())
                .isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(backfill(api, sourceId)).containsEntry("status", "running").containsEntry("pages", 1);
            store.verify(1, getRequestedFor(urlPathEqualTo(ORDERS)).withQueryParam("page_info", equalTo("p2")));
        });
        app.close();

        Api restarted = start();

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> backfill = backfill(restarted, sourceId);
            assertThat(backfill).containsEntry("status", "completed").containsEntry("pages", 3)
                    .containsEntry("orders", 8);
            assertThat(((Number) backfill.get("imported")).longValue() + ((Number) backfill.get("alreadyPresent")).longValue())
                    .isEqualTo(8);
        });
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> events = (List<Map<String, Object>>) restarted
                    .get("/api/events?limit=100&sourceId=" + sourceId).json().get("items");
            assertThat(events).extracting(item -> item.get("status")).containsOnly("accepted");
            assertThat(events).extracting(item -> item.get("eventId"))
                    .containsExactlyInAnyOrderElementsOf(orders.stream().map(order -> order.get("id").asText()).toList());
        });
        store.verify(1, getRequestedFor(urlPathEqualTo(ORDERS)).withQueryParam("page_info", equalTo("p3")));
    }

    private Api start() {
        app = new SpringApplicationBuilder(TributaryApplication.class).profiles("test")
                .run("--server.port=0", "--tributary.embedded=file", "--tributary.data-dir=" + dataDir,
                        "--tributary.commerce.shopify.api-base-url=" + store.baseUrl(),
                        "--tributary.commerce.backfill.page-size=3");
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static Map<String, Object> backfill(Api api, String sourceId) {
        Object backfill = api.get("/api/sources/" + sourceId).json().get("backfill");
        return backfill == null ? Map.of() : (Map<String, Object>) backfill;
    }
}
