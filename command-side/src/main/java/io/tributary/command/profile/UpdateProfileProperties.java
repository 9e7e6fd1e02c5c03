package io.tributary.command.profile;

import io.tributary.api.profile.Evidence;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record UpdateProfileProperties(@TargetAggregateIdentifier String profileId, Map<String, Object> properties,
                                      Evidence evidence) implements ProfileCommand {
}
