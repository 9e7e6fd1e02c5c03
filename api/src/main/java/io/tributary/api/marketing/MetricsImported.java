package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record MetricsImported(String marketingSourceId, String importId, int rowCount, List<LocalDate> changedDays,
                              List<LineError> rejectedLines, Instant at) implements MarketingSourceEvent {
}
