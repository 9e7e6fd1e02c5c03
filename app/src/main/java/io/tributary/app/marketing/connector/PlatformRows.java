package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.MetricRow;
import io.tributary.saga.marketing.PullFailure;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps the items of a platform's answer to metric rows; an item that does not map makes the pull retry later. */
final class PlatformRows {

    private PlatformRows() {
    }

    static List<MetricRow> map(String platform, Iterable<JsonNode> items, Function<JsonNode, MetricRow> mapping) {
        List<MetricRow> rows = new ArrayList<>();
        try {
            for (JsonNode item : items) {
                rows.add(mapping.apply(item));
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            throw PullFailure.transientFailure("unexpected answer from " + platform + ": " + e.getMessage(), null);
        }
        return rows;
    }
}
