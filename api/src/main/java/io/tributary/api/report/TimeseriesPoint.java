package io.tributary.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The value of a metric in the interval starting on {@code date}; null when undefined (ROAS without spend). */
public record TimeseriesPoint(LocalDate date, BigDecimal value) {
}
