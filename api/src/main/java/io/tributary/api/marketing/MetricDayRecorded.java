package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A new version of one day's metric rows of a marketing source: the whole day, replacing earlier versions in
 * reports (platforms restate conversions for about 30 days). Re-pulling unchanged data records nothing.
 *
 * @param version 1 for the first pull of the day, then 2, 3 … for each restatement
 * @param syncId  the sync run (or CSV import) that pulled it
 */
public record MetricDayRecorded(String marketingSourceId, LocalDate date, int version, List<MetricRow> rows,
                                String syncId, Instant recordedAt) {
}
