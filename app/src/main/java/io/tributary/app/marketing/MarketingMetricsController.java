package io.tributary.app.marketing;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.marketing.FindMarketingMetrics;
import io.tributary.api.marketing.MarketingMetricsView;
import io.tributary.api.marketing.MetricGrouping;
import io.tributary.app.web.ApiProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform-reported metrics (the latest version of every day), grouped by day, platform, campaign, ad set or ad. */
@RestController
class MarketingMetricsController {

    static final int MAX_REPORT_DAYS = 3660;

    private final QueryGateway queries;

    MarketingMetricsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/marketing/metrics")
    MarketingMetricsView metrics(@RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "day") String groupBy,
                                 @RequestParam(required = false) String sourceId) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = required("from", from, errors);
        LocalDate end = required("to", to, errors);
        MetricGrouping grouping = grouping(groupBy, errors);
        if (start != null && end != null) {
            MarketingSourceController.rangeErrors(start, end, MAX_REPORT_DAYS, errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        return queries.query(new FindMarketingMetrics(start, end, grouping, sourceId),
                ResponseTypes.instanceOf(MarketingMetricsView.class)).join();
    }

    private static LocalDate required(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        return MarketingSourceController.date(field, value, null, errors);
    }

    private static MetricGrouping grouping(String value, List<FieldError> errors) {
        try {
            return MetricGrouping.fromWire(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("groupBy", "must be day, platform, campaign, adset or ad"));
            return null;
        }
    }
}
