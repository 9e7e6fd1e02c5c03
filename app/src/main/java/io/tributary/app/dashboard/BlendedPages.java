package io.tributary.app.dashboard;

import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.FindRestatements;
import io.tributary.api.report.RestatementsView;
import io.tributary.api.report.BlendedRow;
import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportMetrics;
import io.tributary.api.report.TimeseriesView;
import io.tributary.app.report.AttributionProperties;
import io.tributary.app.report.ReportParams;
import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The blended report: attributed revenue next to ad spend for a date range, model and grouping, with charts of
 * revenue vs spend and ROAS per day. It asks the same queries as {@code /api/reports/*}, with the same parameters.
 */
@Controller
class BlendedPages {

    static final int DEFAULT_DAYS = 30;
    private static final List<String> PASSED_ON = List.of("from", "to", "model", "groupBy", "mode", "lookbackDays");

    private final QueryGateway queries;
    private final AttributionProperties properties;

    BlendedPages(QueryGateway queries, AttributionProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** A row as shown: its group keys in the order of {@link BlendedChart#KEYS}, then its measures. */
    public record Row(List<String> keys, ReportMetrics metrics) {
    }

    @GetMapping("/dashboard/blended")
    String page(@RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        Map<String, String> form = form(params, LocalDate.now(ZoneOffset.UTC));
        model.addAttribute("active", "blended");
        model.addAttribute("form", form);
        model.addAttribute("models", Arrays.stream(AttributionModel.values()).map(AttributionModel::wireName).toList());
        model.addAttribute("groupings", Arrays.stream(ReportGrouping.values()).map(ReportGrouping::wireName).toList());
        model.addAttribute("modes", Arrays.stream(AttributionMode.values()).map(AttributionMode::wireName).toList());
        try {
            BlendedReportView view = queries.query(ReportParams.blended(form, properties.maxRangeDays()),
                    ResponseTypes.instanceOf(BlendedReportView.class)).join();
            List<String> keys = BlendedChart.keyColumns(view.rows().stream().map(BlendedRow::key).toList());
            model.addAttribute("view", view);
            model.addAttribute("keyColumns", keys.stream().map(BlendedChart.KEYS::get).toList());
            model.addAttribute("rows", view.rows().stream()
                    .map(row -> new Row(BlendedChart.keyValues(row.key(), keys), row.metrics())).toList());
            model.addAttribute("restatedDays", restatedDays(view));
            if (!view.rows().isEmpty()) {
                TimeseriesView revenue = series(form, "revenue");
                TimeseriesView spend = series(form, "spend");
                TimeseriesView roas = series(form, "roas");
                model.addAttribute("revenueVsSpend", BlendedChart.revenueVsSpend(view.from(), view.to(), revenue, spend));
                model.addAttribute("roas", BlendedChart.roas(view.from(), view.to(), revenue, spend, roas));
            }
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problems", problem.errors().stream()
                    .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message()).toList());
        }
        return "dashboard/blended";
    }

    /** The parameters the page asks for: the user's, or the defaults (the last 30 days, last touch, per channel). */
    static Map<String, String> form(Map<String, String> params, LocalDate today) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", today.minusDays(DEFAULT_DAYS - 1L).toString());
        form.put("to", today.toString());
        form.put("model", AttributionModel.LAST_TOUCH.wireName());
        form.put("groupBy", ReportGrouping.CHANNEL.wireName());
        form.put("mode", AttributionMode.CONVERSION_TIME.wireName());
        for (String name : PASSED_ON) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                form.put(name, value.trim());
            }
        }
        return form;
    }

    /** A day whose figures changed after they were first counted, with why (for a marker on the page). */
    public record RestatedDay(String day, String causes) {
    }

    private List<RestatedDay> restatedDays(BlendedReportView view) {
        RestatementsView restatements = queries.query(new FindRestatements(view.from(), view.to(), view.model(),
                view.groupBy()), ResponseTypes.instanceOf(RestatementsView.class)).join();
        Map<LocalDate, java.util.SortedSet<String>> causes = new java.util.TreeMap<>();
        restatements.restatements().forEach(r -> causes.computeIfAbsent(r.day(), d -> new java.util.TreeSet<>())
                .add(r.cause().wireName().replace('_', ' ')));
        return causes.entrySet().stream().map(e -> new RestatedDay(e.getKey().toString(),
                String.join(", ", e.getValue()))).toList();
    }

    /** One metric per channel and day, over the report's scope. */
    private TimeseriesView series(Map<String, String> form, String metric) {
        Map<String, String> params = new HashMap<>(form);
        params.put("metric", metric);
        params.put("groupBy", ReportGrouping.CHANNEL.wireName());
        params.put("interval", "day");
        return queries.query(ReportParams.timeseries(params, properties.maxRangeDays()),
                ResponseTypes.instanceOf(TimeseriesView.class)).join();
    }
}
