package io.tributary.app.report;

import io.tributary.app.projection.ProjectionStatus;

/**
 * Whether the roll-ups may answer a report: while they are rebuilt, or behind the conversions read model that the
 * exact path reads (an order just recorded that they have not credited yet), the exact path is the fresher one.
 */
final class RollupFreshness {

    private static final String LIVE = "live";

    private RollupFreshness() {
    }

    static boolean usable(ProjectionStatus rollups, ProjectionStatus conversions) {
        if (!LIVE.equals(rollups.status())) {
            return false;
        }
        if (rollups.position() == null || conversions.position() == null) {
            return true;
        }
        return rollups.position() >= conversions.position();
    }
}
