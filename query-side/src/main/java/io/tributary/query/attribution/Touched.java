package io.tributary.query.attribution;

import io.tributary.api.report.RestatementCause;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What one processor batch touched, for the credit roll-ups: new conversions, profiles and orders, with a cause. */
final class Touched {

    /** Why a conversion's credit may have changed, and the domain event (message id) that did it. */
    record Cause(RestatementCause cause, String eventId) {
    }

    final Set<String> conversions = new LinkedHashSet<>();
    final Map<String, Cause> profiles = new LinkedHashMap<>();
    final Map<String, Cause> orders = new LinkedHashMap<>();
    boolean settled;

    void conversion(String recordId) {
        if (recordId != null) {
            conversions.add(recordId);
        }
    }

    void profile(String profileId, RestatementCause cause, String eventId) {
        if (profileId != null) {
            profiles.put(profileId, new Cause(cause, eventId));
        }
    }

    void order(String orderRef, RestatementCause cause, String eventId) {
        if (orderRef != null) {
            orders.put(orderRef, new Cause(cause, eventId));
        }
    }
}
