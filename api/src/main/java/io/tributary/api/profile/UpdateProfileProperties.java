package io.tributary.api.profile;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateProfileProperties(@TargetAggregateIdentifier String profileId, Map<String, Object> properties,
                                      Evidence evidence) implements ProfileCommand {
}
