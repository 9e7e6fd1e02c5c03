package io.tributary.api.rules;

import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.session.TrafficSource;
import java.util.function.Function;

/**
 * The port to the command side's stitching and session policies for dry-runs: replays of recorded tracked events
 * under any identity rule set, in memory, that touch neither the live profiles nor their lookups.
 */
public interface IdentityReplayer {

    /** The identity rules new tracked events are decided with on this node. */
    IdentityRuleSet inForce();

    /**
     * A fresh replay under {@code rules}; values quarantined now stay blocked in it.
     *
     * @param classify the traffic source of a browser event's landing, for its session
     */
    IdentityReplay start(IdentityRuleSet rules, Function<TrackedEvent, TrafficSource> classify);
}
