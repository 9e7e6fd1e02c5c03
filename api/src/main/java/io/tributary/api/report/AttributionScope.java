package io.tributary.api.report;

import java.time.LocalDate;

/**
 * What a report covers and how credit is given: UTC dates {@code from}..{@code to} inclusive, the model and the
 * mode. {@code lookbackDays} (click_time only, may be null) drops credit for conversions more than that many days
 * after the touchpoint.
 */
public record AttributionScope(LocalDate from, LocalDate to, AttributionModel model, AttributionMode mode,
                               Integer lookbackDays) {
}
