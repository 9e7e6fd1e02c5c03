package io.tributary.app.segment;

import static io.tributary.app.TrackedEvents.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.tributary.app.Api;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The official analytics-java SDK, pointed at Tributary, through intake, stitching and dedup to the read side. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class SegmentSdkEndToEndTest {

    @LocalServerPort
    int port;
    Api api;
    String serverToken;
    String serverSourceId;

    @BeforeEach
    void source() {
        api = new Api(port);
        Map<String, Object> server = api.createSource("segment server " + unique(), "server");
        serverToken = (String) server.get("token");
        serverSourceId = (String) server.get("id");
    }

    @Test
    void stitchesPageIdentifyTrackAndAliasOfOneVisitorIntoOneProfile() {
        String userId = "user-" + unique();
        String anonymousId = "anon-" + unique();
        String earlierDevice = UUID.randomUUID().toString();
        String orderId = "order-" + unique();
        String email = unique() + "@example.com";
        try (SegmentSdk sdk = new SegmentSdk(port, serverToken)) {
            sdk.send(PageMessage.builder("Home").anonymousId(earlierDevice)
                    .properties(Map.of("url", "https://shop.example/", "referrer", "https://www.google.com/")));
            sdk.send(PageMessage.builder("Product").anonymousId(anonymousId)
                            .context(Map.of("page", Map.of("url", "https://shop.example/p/1"),
                                    "campaign", Map.of("source", "newsletter", "medium", "email", "name", "spring"))),
                    IdentifyMessage.builder().userId(userId).anonymousId(anonymousId)
                            .traits(Map.of("email", email.toUpperCase(), "firstName", "Ada", "plan", "pro")),
                    TrackMessage.builder("Order Completed").userId(userId)
                            .properties(Map.of("order_id", orderId, "total", new BigDecimal("49.99"), "currency", "EUR")),
                    AliasMessage.builder(earlierDevice).userId(userId));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles?alias=urn:user_id:" + userId).json();
            assertThat((List<String>) profile.get("aliases")).contains("urn:user_id:" + userId,
                    "urn:anonymous_id:" + anonymousId, "urn:email:" + email, "urn:anonymous_id:" + earlierDevice);
            assertThat((Map<String, Object>) profile.get("properties")).containsEntry("$email", email.toUpperCase())
                    .containsEntry("$first_name", "Ada").containsEntry("plan", "pro");
            assertThat(profile).containsEntry("eventCount", 5);
            assertThat(api.get("/api/profiles?alias=urn:anonymous_id:" + earlierDevice).json())
                    .as("the alias call merged the earlier device's profile").containsEntry("profileId", profile.get("profileId"));
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> items = events("sourceId=" + serverSourceId);
            assertThat(items).extracting(i -> i.get("eventName")).containsExactlyInAnyOrder("$page_load", "$page_load",
                    "$identify", "Placed Order", "$alias");
            assertThat(items).allSatisfy(i -> assertThat(i).containsEntry("status", "accepted"));
            assertThat(items).filteredOn(i -> "Placed Order".equals(i.get("eventName"))).singleElement().satisfies(order -> {
                assertThat(order).containsEntry("eventId", orderId);
                assertThat((Map<String, Object>) order.get("properties")).containsEntry("$original_event_name", "Order Completed")
                        .containsEntry("total", new BigDecimal("49.99")).containsKey("originalTimestamp");
            });
            assertThat(items).filteredOn(i -> "$page_load".equals(i.get("eventName")))
                    .extracting(i -> ((Map<String, Object>) i.get("properties")).get("$url"))
                    .containsExactlyInAnyOrder("https://shop.example/",
                            "https://shop.example/p/1?utm_source=newsletter&utm_medium=email&utm_campaign=spring");
        });
    }

    @Test
    void countsAMessageThatTheSdkSendsAgainAfterALostAnswerOnce() {
        String anonymousId = "anon-" + unique();
        String messageId = "msg-" + unique();
        AtomicBoolean answerLost = new AtomicBoolean();
        OkHttpClient losesTheFirstAnswer = new OkHttpClient.Builder().addInterceptor(chain -> {
            Response first = chain.proceed(chain.request());
            if (answerLost.compareAndSet(false, true)) {
                first.close();
                return chain.proceed(chain.request());
            }
            return first;
        }).build();
        Date sameClientTime = new Date();

        try (SegmentSdk sdk = new SegmentSdk(port, serverToken, losesTheFirstAnswer)) {
            sdk.send(TrackMessage.builder("Viewed Collection").anonymousId(anonymousId).messageId(messageId)
                    .timestamp(sameClientTime).properties(Map.of("collection", "shoes")));
            sdk.send(TrackMessage.builder("Viewed Collection").anonymousId(anonymousId).messageId(messageId)
                    .timestamp(sameClientTime).properties(Map.of("collection", "shoes")));
        }

        assertThat(answerLost).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.get("/api/profiles?alias=urn:anonymous_id:" + anonymousId).json()).containsEntry("eventCount", 1);
            List<Map<String, Object>> items = events("sourceId=" + serverSourceId);
            assertThat(items).extracting(i -> i.get("status")).containsExactlyInAnyOrder("accepted", "duplicate", "duplicate");
            assertThat(items).filteredOn(i -> "duplicate".equals(i.get("status")))
                    .as("a re-send with a later sentAt is a retry, not a conflicting copy")
                    .allSatisfy(i -> assertThat(i.get("reasons").toString()).contains("same_source"));
        });
    }

    @Test
    void countsASegmentOrderAndAWebhookOrderWithTheSameOrderIdOnce() {
        String userId = "user-" + unique();
        String orderId = "order-" + unique();
        try (SegmentSdk sdk = new SegmentSdk(port, serverToken)) {
            sdk.send(TrackMessage.builder("Order Completed").userId(userId)
                    .properties(Map.of("order_id", orderId, "total", "20.00")));
        }
        Map<String, Object> webhookSource = api.createSource("shop webhooks " + unique(), "server");
        String email = "urn:email:" + unique() + "@example.com";

        Api.Response fromWebhook = api.webhook((String) webhookSource.get("token"),
                webhook("Placed Order", orderId, List.of("urn:user_id:" + userId, email)));

        assertThat(fromWebhook.status()).isEqualTo(200);
        assertThat(fromWebhook.json()).containsEntry("status", "duplicate");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles?alias=urn:user_id:" + userId).json();
            assertThat(profile).containsEntry("eventCount", 1);
            assertThat((List<String>) profile.get("aliases")).contains(email);
            assertThat(events("sourceId=" + webhookSource.get("id"))).singleElement()
                    .satisfies(i -> assertThat(i.get("reasons").toString()).contains("cross_source"));
        });
    }

    private List<Map<String, Object>> events(String query) {
        return (List<Map<String, Object>>) api.get("/api/events?" + query).json().get("items");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
