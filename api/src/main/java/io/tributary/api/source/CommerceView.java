package io.tributary.api.source;

import java.time.Instant;

/**
 * A store source's connection, secrets masked (only their last characters show).
 *
 * @param webhookPath        where the store must send its webhooks, relative to Tributary's base URL
 * @param previousSecretValidUntil until when the secret before the last rotation is still accepted, or null
 */
public record CommerceView(String storeUrl, String webhookPath, String signingSecret, String adminApiToken,
                           String consumerKey, String consumerSecret, Instant secretRotatedAt,
                           Instant previousSecretValidUntil) {
}
