package io.tributary.command.profile;

import io.tributary.api.ingestion.Intake;
import io.tributary.api.session.TrafficSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Count an accepted tracked event on its profile. The profile decides its session: it answers a
 * {@link io.tributary.api.session.SessionAssignment}.
 *
 * @param trafficSource    the channel classification of the event's URL and referrer (browser events)
 * @param newSessionId     the id to use if the event starts a session
 */
record RecordEvent(@TargetAggregateIdentifier String profileId, Intake intake, String fingerprint,
                          TrafficSource trafficSource, String newSessionId) implements ProfileCommand {
}
