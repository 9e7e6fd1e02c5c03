package io.tributary.query.quality;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The two sizes of {@link PeriodRollup}: per UTC hour, and per UTC day (its hours added up, with their hourly
 * counts), each in its own collection. A report reads days for its whole days, hours for the whole hours around
 * them, and facts for the partial hours at its edges.
 */
enum RollupGrain {
    HOUR("quality_hours", ChronoUnit.HOURS),
    DAY("quality_days", ChronoUnit.DAYS);

    final String collection;
    private final ChronoUnit unit;

    RollupGrain(String collection, ChronoUnit unit) {
        this.collection = collection;
        this.unit = unit;
    }

    Instant startOf(Instant at) {
        return at.truncatedTo(unit);
    }

    /** The first start at or after {@code at}. */
    Instant ceil(Instant at) {
        Instant start = startOf(at);
        return start.equals(at) ? start : start.plus(1, unit);
    }

    String idOf(Instant at, String sourceId, String eventName) {
        return startOf(at) + "\n" + sourceId + "\n" + Objects.toString(eventName, "");
    }

    /** The roll-up of this size a fact is counted in: by its event time, source and event name. */
    String idOf(QualityFact fact) {
        return idOf(fact.at(), fact.sourceId(), fact.eventName());
    }

    PeriodRollup of(QualityFact fact) {
        return new PeriodRollup(startOf(fact.at()), fact.sourceId(), fact.eventName());
    }
}
