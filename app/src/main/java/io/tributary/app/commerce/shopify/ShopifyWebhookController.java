package io.tributary.app.commerce.shopify;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.SourceType;
import io.tributary.app.commerce.Mapped;
import io.tributary.app.commerce.Origin;
import io.tributary.app.commerce.StoreIntake;
import io.tributary.command.source.CommerceCredentials;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final StoreIntake intake;

    ShopifyWebhookController(StoreIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/shopify/{sourceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(@PathVariable String sourceId, HttpServletRequest request) {
        CommerceCredentials source = intake.source(sourceId, SourceType.SHOPIFY);
        Instant receivedAt = intake.now();
        byte[] body = intake.body(request);
        intake.verify(source, body, request.getHeader(SIGNATURE), SIGNATURE);
        String deliveryId = request.getHeader(DELIVERY_ID);
        Optional<Map<String, Object>> repeated = intake.repeated(source, deliveryId);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        Mapped mapped = intake.json(body)
                .map(json -> ShopifyMapping.map(request.getHeader(TOPIC), json, Origin.WEBHOOK))
                .orElseGet(() -> Mapped.invalid(List.of(new FieldError("body", "must be a JSON object"))));
        return intake.receive(source, deliveryId, receivedAt, body, mapped, false);
    }
}
