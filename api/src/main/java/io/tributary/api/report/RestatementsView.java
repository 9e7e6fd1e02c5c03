package io.tributary.api.report;

import java.time.LocalDate;
import java.util.List;

/** The restatements of a range, oldest day first, and the days they touched. */
public record RestatementsView(LocalDate from, LocalDate to, AttributionModel model, ReportGrouping groupBy,
                               List<LocalDate> restatedDays, List<RestatementView> restatements) {
}
