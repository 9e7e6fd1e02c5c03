package io.tributary.api.marketing;

import java.time.LocalDate;

/** Every version of one day of one source, oldest first: what changed and when. */
public record FindMetricDayVersions(String marketingSourceId, LocalDate date) {
}
