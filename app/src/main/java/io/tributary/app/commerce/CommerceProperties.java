package io.tributary.app.commerce;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Shopify and WooCommerce sources ({@code tributary.commerce.*}), with their defaults.
 *
 * @param secretGracePeriod how long a rotated-out signing secret is still accepted (Shopify may take up to an hour
 *                          to sign with a new one)
 * @param maxBodyBytes      the largest webhook body accepted (413 above)
 * @param deliveryRetention how long webhook delivery ids are remembered to spot retries (Shopify retries for 4 h)
 */
@ConfigurationProperties("tributary.commerce")
public record CommerceProperties(Duration secretGracePeriod, Integer maxBodyBytes, Duration deliveryRetention,
                                 Shopify shopify, WooCommerce woocommerce, Backfill backfill) {

    public CommerceProperties {
        secretGracePeriod = secretGracePeriod == null ? Duration.ofHours(1) : secretGracePeriod;
        maxBodyBytes = maxBodyBytes == null ? 2 * 1024 * 1024 : maxBodyBytes;
        deliveryRetention = deliveryRetention == null ? Duration.ofDays(7) : deliveryRetention;
        shopify = shopify == null ? new Shopify(null, null) : shopify;
        woocommerce = woocommerce == null ? new WooCommerce(null) : woocommerce;
        backfill = backfill == null ? new Backfill(null, null, null, null) : backfill;
    }

    /**
     * @param apiBaseUrl where the Admin API is, when not at {@code https://<shop domain>} (a proxy, or a stub in tests)
     * @param apiVersion the Admin API version of the order requests
     */
    public record Shopify(String apiBaseUrl, String apiVersion) {
        public Shopify {
            apiVersion = apiVersion == null || apiVersion.isBlank() ? "2026-07" : apiVersion;
        }
    }

    /** @param apiBaseUrl where the REST API is, when not at the source's store URL (a proxy, or a stub in tests) */
    public record WooCommerce(String apiBaseUrl) {
    }

    /**
     * @param pageSize    orders per API page (Shopify allows up to 250, WooCommerce up to 100)
     * @param httpTimeout the longest wait for one API answer
     * @param attempts    tries of one page before the backfill fails (busy or failing store)
     * @param retryDelay  the first pause between tries; it doubles each time (a Retry-After header wins)
     */
    public record Backfill(Integer pageSize, Duration httpTimeout, Integer attempts, Duration retryDelay) {
        public Backfill {
            pageSize = pageSize == null ? 250 : pageSize;
            httpTimeout = httpTimeout == null ? Duration.ofSeconds(30) : httpTimeout;
            attempts = attempts == null ? 4 : attempts;
            retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
        }
    }
}
