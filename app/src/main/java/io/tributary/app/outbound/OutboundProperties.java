package io.tributary.app.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Tributary may call out to (store APIs, ad platforms).
 *
 * @param allowPrivateHosts also call loopback, private and link-local addresses (local stubs and tests); off in
 *                          production ({@code TRIBUTARY_ALLOW_PRIVATE_HOSTS})
 * @param maxResponseBytes  the largest response body read; a larger one fails the call
 */
@ConfigurationProperties("tributary.outbound")
public record OutboundProperties(Boolean allowPrivateHosts, Long maxResponseBytes) {

    public OutboundProperties {
        allowPrivateHosts = allowPrivateHosts != null && allowPrivateHosts;
        maxResponseBytes = maxResponseBytes == null ? 32L * 1024 * 1024 : maxResponseBytes;
    }
}
