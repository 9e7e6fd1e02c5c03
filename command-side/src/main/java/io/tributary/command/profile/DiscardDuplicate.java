package io.tributary.command.profile;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.Intake;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record DiscardDuplicate(@TargetAggregateIdentifier String profileId, Intake intake, String fingerprint,
                               String keptRecordId, String keptSourceId, DuplicateKind kind)
        implements ProfileCommand {
}
