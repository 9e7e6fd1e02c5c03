package io.tributary.app.profile;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.profile.IdentityDecisionView;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.session.SessionView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about a person, for an access request (GDPR Art. 15): the profile with its aliases and
 * properties, its sessions, its events (of every profile merged into it), and the stitching decisions with their
 * evidence.
 */
record ProfileExport(Instant exportedAt, ProfileView profile, List<String> aliases, Map<String, Object> properties,
                     List<SessionView> sessions, List<EventLogItem> events, List<IdentityDecisionView> decisions) {
}
