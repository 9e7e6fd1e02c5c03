package io.tributary.app.report;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindReportTimeseries;
import io.tributary.api.report.FindRestatements;
import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportInterval;
import io.tributary.api.report.ReportMetric;
import io.tributary.api.report.ReportPath;
import io.tributary.app.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Reads report query parameters, naming every problem parameter at once (a 400), never guessing. */
public final class ReportParams {

    private final Map<String, String> params;
    private final int maxRangeDays;
    private final List<FieldError> errors = new ArrayList<>();

    private ReportParams(Map<String, String> params, int maxRangeDays) {
        this.params = params;
        this.maxRangeDays = maxRangeDays;
    }

    public static FindBlendedReport blended(Map<String, String> params, int maxRangeDays) {
        ReportParams reader = new ReportParams(params, maxRangeDays);
        AttributionScope scope = reader.scope();
        ReportGrouping groupBy = reader.choice("groupBy", "channel", ReportGrouping::fromWire,
                names(ReportGrouping.values(), ReportGrouping::wireName));
        String path = reader.path();
        reader.throwIfInvalid();
        return new FindBlendedReport(scope, groupBy, path);
    }

    public static FindReportTimeseries timeseries(Map<String, String> params, int maxRangeDays) {
        ReportParams reader = new ReportParams(params, maxRangeDays);
        AttributionScope scope = reader.scope();
        ReportMetric metric = reader.choice("metric", "revenue", ReportMetric::fromWire,
                names(ReportMetric.values(), ReportMetric::wireName));
        List<ReportGrouping> seriesGroupings = Arrays.stream(ReportGrouping.values())
                .filter(g -> g != ReportGrouping.DAY).toList();
        ReportGrouping groupBy = reader.choice("groupBy", "channel", ReportGrouping::fromWire,
                names(seriesGroupings.toArray(ReportGrouping[]::new), ReportGrouping::wireName));
        ReportInterval interval = reader.choice("interval", "day", ReportInterval::fromWire,
                names(ReportInterval.values(), ReportInterval::wireName));
        String path = reader.path();
        reader.throwIfInvalid();
        return new FindReportTimeseries(scope, metric, groupBy, interval, path);
    }

    /** {@code from, to} required; {@code model} optional (every model when absent); {@code groupBy} as the report's. */
    public static FindRestatements restatements(Map<String, String> params, int maxRangeDays) {
        ReportParams reader = new ReportParams(params, maxRangeDays);
        LocalDate[] range = reader.range();
        String modelText = params.get("model");
        AttributionModel model = modelText == null || modelText.isBlank() ? null : reader.model();
        ReportGrouping groupBy = reader.choice("groupBy", "channel", ReportGrouping::fromWire,
                names(ReportGrouping.values(), ReportGrouping::wireName));
        reader.throwIfInvalid();
        return new FindRestatements(range[0], range[1], model, groupBy);
    }

    static AttributionModel model(String value) {
        ReportParams reader = new ReportParams(value == null ? Map.of() : Map.of("model", value), 0);
        AttributionModel model = reader.model();
        reader.throwIfInvalid();
        return model;
    }

    private AttributionScope scope() {
        LocalDate[] range = range();
        LocalDate from = range[0];
        LocalDate to = range[1];
        AttributionModel model = model();
        AttributionMode mode = choice("mode", "conversion_time", AttributionMode::fromWire,
                names(AttributionMode.values(), AttributionMode::wireName));
        Integer lookbackDays = lookbackDays(mode);
        return new AttributionScope(from, to, model, mode, lookbackDays);
    }

    /** {@code path=exact} credits when asked even where the roll-ups cover the query; {@code rollup} is the default. */
    private String path() {
        String path = choice("path", ReportPath.ROLLUP, text -> text.toLowerCase(java.util.Locale.ROOT),
                List.of(ReportPath.ROLLUP, ReportPath.EXACT));
        return ReportPath.EXACT.equals(path) ? ReportPath.EXACT : null;
    }

    private LocalDate[] range() {
        LocalDate from = date("from");
        LocalDate to = date("to");
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add(new FieldError("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(from, to) >= maxRangeDays) {
                errors.add(new FieldError("to", "must be less than " + maxRangeDays + " days after from"));
            }
        }
        return new LocalDate[] {from, to};
    }

    private AttributionModel model() {
        return choice("model", "last_touch", AttributionModel::fromWire,
                names(AttributionModel.values(), AttributionModel::wireName));
    }

    private Integer lookbackDays(AttributionMode mode) {
        String text = params.get("lookbackDays");
        if (text == null || text.isBlank()) {
            return null;
        }
        if (mode != AttributionMode.CLICK_TIME) {
            errors.add(new FieldError("lookbackDays", "only applies to mode=click_time"));
            return null;
        }
        try {
            int days = Integer.parseInt(text.trim());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError("lookbackDays", "must be a whole number of days, 0 or more"));
        return null;
    }

    private LocalDate date(String name) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(name, "is required (a date, e.g. 2025-03-01)"));
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date like 2025-03-01"));
            return null;
        }
    }

    private <T> T choice(String name, String defaultValue, Function<String, T> parse, List<String> allowed) {
        String text = params.getOrDefault(name, defaultValue);
        String value = text == null || text.isBlank() ? defaultValue : text.trim();
        if (allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value))) {
            return parse.apply(value);
        }
        errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
        return null;
    }

    private void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
    }

    private static <E> List<String> names(E[] values, Function<E, String> wireName) {
        return Arrays.stream(values).map(wireName).collect(Collectors.toList());
    }
}
