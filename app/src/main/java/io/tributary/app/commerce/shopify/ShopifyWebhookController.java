package io.tributary.app.commerce.shopify;

import io.tributary.api.source.SourceType;
import io.tributary.app.commerce.Origin;
import io.tributary.app.commerce.StoreIntake;
import io.tributary.api.intake.CommerceCredentials;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shopify webhooks, exactly as Shopify sends them: the signature is checked on the raw body before anything reads
 * it (401 and nothing stored when it does not hold), a retried delivery ({@code X-Shopify-Webhook-Id}) is answered
 * without being stored again, and the topic ({@code X-Shopify-Topic}) says what the body is.
 */
@RestController
class ShopifyWebhookController {

    static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
    static final String TOPIC = "X-Shopify-Topic";
    static final String DELIVERY_ID = "X-Shopify-Webhook-Id";

    private static final StoreIntake.WebhookHeaders HEADERS = new StoreIntake.WebhookHeaders(SIGNATURE, TOPIC, DELIVERY_ID);

    private final StoreIntake intake;

    ShopifyWebhookController(StoreIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/shopify/{sourceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(@PathVariable String sourceId, HttpServletRequest request) {
        CommerceCredentials source = intake.source(sourceId, SourceType.SHOPIFY);
        Instant receivedAt = intake.now();
        byte[] body = intake.body(request);
        return intake.receiveSigned(source, receivedAt, body, request, HEADERS,
                (topic, json) -> ShopifyMapping.map(topic, json, Origin.WEBHOOK), false);
    }
}
