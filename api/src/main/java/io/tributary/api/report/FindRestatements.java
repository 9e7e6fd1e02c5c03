package io.tributary.api.report;

import java.time.LocalDate;

/**
 * The changes to reported UTC days {@code from}..{@code to}: credit changes under {@code model} (every model when
 * null) and ad-platform restatements, each under its row of {@code groupBy}.
 */
public record FindRestatements(LocalDate from, LocalDate to, AttributionModel model, ReportGrouping groupBy) {
}
