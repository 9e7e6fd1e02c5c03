package io.tributary.api.source;

import java.time.Instant;
import java.util.List;

/**
 * @param dataLayer a browser source whose pixel maps the page's GA4 dataLayer pushes from the start; null (as in
 *                  events stored before the setting existed) means no
 */
public record SourceCreated(String sourceId, String name, SourceType type, String token, List<String> allowedOrigins,
                            Instant at, Boolean dataLayer) implements SourceEvent {

    public SourceCreated(String sourceId, String name, SourceType type, String token, List<String> allowedOrigins,
                         Instant at) {
        this(sourceId, name, type, token, allowedOrigins, at, null);
    }
}
