package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One change to a reported day: the row it changed, the values of that row's changed cells before and after, why,
 * and the id of the domain event that caused it. {@code model} is null for an ad restatement (it holds under every
 * model).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestatementView(LocalDate day, AttributionModel model, ReportKey key, String label,
                              RestatementCause cause, String eventId, RestatedValues before, RestatedValues after) {
}
