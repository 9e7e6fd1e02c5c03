package io.tributary.saga.marketing;

import io.tributary.api.marketing.MetricRow;
import java.util.List;

/** @param nextCursor where the next page starts, or null after the last page */
public record PulledPage(List<MetricRow> rows, String nextCursor) {
}
