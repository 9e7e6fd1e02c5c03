package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One row of the blended report: its group keys and its measures, side by side in JSON. */
public record BlendedRow(@JsonUnwrapped ReportKey key, @JsonUnwrapped ReportMetrics metrics) {
}
