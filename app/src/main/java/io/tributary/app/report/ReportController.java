package io.tributary.app.report;

import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.ConversionAttributionView;
import io.tributary.api.report.FindConversionAttribution;
import io.tributary.api.report.RestatementsView;
import io.tributary.api.report.TimeseriesView;
import io.tributary.app.web.ApiProblem;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Blended report, time series, restatements and the attribution of one conversion, answered from the attribution read models. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final QueryGateway queries;
    private final AttributionProperties properties;

    ReportController(QueryGateway queries, AttributionProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** {@code from, to} (UTC dates, inclusive), {@code groupBy, model, mode, lookbackDays}. */
    @GetMapping("/blended")
    BlendedReportView blended(@RequestParam Map<String, String> params) {
        return queries.query(ReportParams.blended(params, properties.maxRangeDays()),
                ResponseTypes.instanceOf(BlendedReportView.class)).join();
    }

    /** {@code from, to, metric, groupBy, interval, model, mode, lookbackDays}. */
    @GetMapping("/timeseries")
    TimeseriesView timeseries(@RequestParam Map<String, String> params) {
        return queries.query(ReportParams.timeseries(params, properties.maxRangeDays()),
                ResponseTypes.instanceOf(TimeseriesView.class)).join();
    }

    /** {@code from, to} (UTC dates, inclusive), {@code model} (all when absent), {@code groupBy}. */
    @GetMapping("/restatements")
    RestatementsView restatements(@RequestParam Map<String, String> params) {
        return queries.query(ReportParams.restatements(params, properties.maxRangeDays()),
                ResponseTypes.instanceOf(RestatementsView.class)).join();
    }

    @GetMapping("/conversions/{eventId}/attribution")
    ConversionAttributionView attribution(@PathVariable String eventId,
                                          @RequestParam(required = false) String model) {
        ConversionAttributionView view = queries.query(new FindConversionAttribution(eventId, ReportParams.model(model)),
                ResponseTypes.instanceOf(ConversionAttributionView.class)).join();
        if (view == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "eventId", "no conversion with event id " + eventId);
        }
        return view;
    }
}
