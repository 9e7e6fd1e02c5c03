package io.tributary.api.source;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a store's webhook signing secret; the old one stays valid for {@code gracePeriod}. */
public record RotateSigningSecret(@TargetAggregateIdentifier String sourceId, String signingSecret,
                                  Duration gracePeriod, Instant at) implements SourceCommand {

    @Override
    public String toString() {
        return "RotateSigningSecret[sourceId=" + sourceId + ", gracePeriod=" + gracePeriod + "]";
    }
}
