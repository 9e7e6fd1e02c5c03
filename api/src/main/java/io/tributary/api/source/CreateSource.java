package io.tributary.api.source;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code dataLayer}: a browser source whose pixel maps the page's GA4 dataLayer pushes from the start. */
public record CreateSource(@TargetAggregateIdentifier String sourceId, String name, SourceType type, String token,
                           List<String> allowedOrigins, Instant at, boolean dataLayer) implements SourceCommand {

    public CreateSource(String sourceId, String name, SourceType type, String token, List<String> allowedOrigins,
                        Instant at) {
        this(sourceId, name, type, token, allowedOrigins, at, false);
    }
}
