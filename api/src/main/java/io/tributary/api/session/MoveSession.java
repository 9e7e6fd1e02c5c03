package io.tributary.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a session of a merged-away profile to the survivor. {@code mergeRecordId} is the merge's evidence. */
public record MoveSession(@TargetAggregateIdentifier String sessionId, String toProfileId, String mergeRecordId)
        implements SessionCommand {
}
