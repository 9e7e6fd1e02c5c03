package io.tributary.app.commerce.woocommerce;

import io.tributary.api.source.SourceType;
import io.tributary.app.commerce.Origin;
import io.tributary.app.commerce.StoreIntake;
import io.tributary.api.intake.CommerceCredentials;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * WooCommerce webhooks: the unsigned ping WooCommerce sends when a webhook is saved ({@code webhook_id=N}) is
 * answered 200; everything else must carry {@code X-WC-Webhook-Signature} over the raw body. Deliveries are
 * deduplicated on {@code X-WC-Webhook-Delivery-ID}, and since every order change resends the whole order, the
 * facts it implies that this store already recorded are not submitted again.
 */
@RestController
class WooCommerceWebhookController {

    static final String SIGNATURE = "X-WC-Webhook-Signature";
    static final String TOPIC = "X-WC-Webhook-Topic";
    static final String DELIVERY_ID = "X-WC-Webhook-Delivery-ID";
    private static final Pattern PING = Pattern.compile("webhook_id=\\d+");

    private static final StoreIntake.WebhookHeaders HEADERS = new StoreIntake.WebhookHeaders(SIGNATURE, TOPIC, DELIVERY_ID);

    private final StoreIntake intake;

    WooCommerceWebhookController(StoreIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/woocommerce/{sourceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(@PathVariable String sourceId, HttpServletRequest request) {
        CommerceCredentials source = intake.source(sourceId, SourceType.WOOCOMMERCE);
        Instant receivedAt = intake.now();
        byte[] body = intake.body(request);
        if (isPing(body)) {
            return Map.of("status", "pong");
        }
        return intake.receiveSigned(source, receivedAt, body, request, HEADERS,
                (topic, json) -> WooCommerceMapping.map(topic, json, Origin.WEBHOOK), true);
    }

    private static boolean isPing(byte[] body) {
        return body.length < 64 && PING.matcher(new String(body, StandardCharsets.UTF_8).trim()).matches();
    }
}
