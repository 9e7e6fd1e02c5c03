package io.tributary.app.pixel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The browser pixel.
 *
 * @param publicUrl where browsers reach Tributary (e.g. {@code https://t.shop.example}); the pixel posts to
 *                  {@code <publicUrl>/api/collect/<token>}. When empty, the URL the script was requested from.
 * @param maxAge    how long browsers and CDNs may cache the script
 */
@ConfigurationProperties("tributary.pixel")
public record PixelProperties(String publicUrl, Duration maxAge) {

    public PixelProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
    }
}
