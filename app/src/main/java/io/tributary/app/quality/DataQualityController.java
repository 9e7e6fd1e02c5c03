package io.tributary.app.quality;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.quality.DataQualityView;
import io.tributary.api.quality.FindDataQuality;
import io.tributary.api.report.ReportPath;
import io.tributary.app.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Data Quality report: per event name and per source, over [from, to) (by default the last 7 days). */
@RestController
public class DataQualityController {

    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private final QueryGateway queries;
    private final Clock clock;
    private final IdentityMagnets magnets;

    DataQualityController(QueryGateway queries, @Qualifier("qualityClock") Clock clock, IdentityMagnets magnets) {
        this.queries = queries;
        this.clock = clock;
        this.magnets = magnets;
    }

    /** {@code path=exact} folds every fact of the period even where the hour roll-ups cover it; rollup is the default. */
    @GetMapping("/api/data-quality")
    public DataQualityView report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String path) {
        List<FieldError> errors = new ArrayList<>();
        String answerPath = path == null || path.isBlank() ? ReportPath.ROLLUP : path.strip().toLowerCase(Locale.ROOT);
        if (!List.of(ReportPath.ROLLUP, ReportPath.EXACT).contains(answerPath)) {
            errors.add(new FieldError("path", "must be one of [rollup, exact]"));
        }
        Period period;
        try {
            period = Period.parse(from, to, clock.instant());
        } catch (ApiProblem problem) {
            errors.addAll(0, problem.errors());
            throw new ApiProblem(problem.status(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
        }
        return report(period, ReportPath.EXACT.equals(answerPath) ? ReportPath.EXACT : null);
    }

    public DataQualityView report(Period period) {
        return report(period, null);
    }

    private DataQualityView report(Period period, String path) {
        DataQualityView report = queries.query(new FindDataQuality(period.from(), period.to(), period.asOf(), path),
                ResponseTypes.instanceOf(DataQualityView.class)).join();
        return report.withIdentityWarnings(magnets.warnings(period.asOf()));
    }

    /** A checked period; {@code asOf} is now, or {@code to} when that is earlier. */
    public record Period(Instant from, Instant to, Instant asOf) {

        public static Period parse(String from, String to, Instant now) {
            List<FieldError> errors = new ArrayList<>();
            Instant end = Instants.parse("to", to, errors);
            Instant start = Instants.parse("from", from, errors);
            if (!errors.isEmpty()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, errors);
            }
            end = end == null ? now : end;
            start = start == null ? end.minus(DEFAULT_RANGE) : start;
            if (!start.isBefore(end)) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "from", "must be before to");
            }
            if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "from", "the period may span at most " + MAX_RANGE.toDays() + " days");
            }
            return new Period(start, end, end.isBefore(now) ? end : now);
        }
    }
}
