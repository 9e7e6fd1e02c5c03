package io.tributary.api.intake;

import io.tributary.api.source.SourceType;
import java.util.List;

/**
 * What the intake needs to know about the source behind a token.
 *
 * @param dataLayer a browser source whose pixel maps the page's GA4 dataLayer pushes from the start
 */
public record SourceCredentials(String sourceId, SourceType type, boolean enabled, List<String> allowedOrigins,
                                boolean dataLayer) {

    public SourceCredentials(String sourceId, SourceType type, boolean enabled, List<String> allowedOrigins) {
        this(sourceId, type, enabled, allowedOrigins, false);
    }
}
