package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.ConversionAttributionView;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindConversionAttribution;
import io.tributary.api.report.FindReportTimeseries;
import io.tributary.api.report.ReportPath;
import io.tributary.api.report.TimeseriesView;
import java.util.function.BooleanSupplier;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the reports from the attribution read models (never from the event store). In conversion_time mode, while
 * the credit roll-ups are live, credit is added up from their day documents ({@code path} {@value ReportPath#ROLLUP});
 * otherwise (click_time, or while the roll-ups are rebuilt) it is computed when asked, from the conversions in range,
 * their profiles' sessions and the day documents of traffic and spend ({@value ReportPath#EXACT}). Sessions and
 * ad-platform metrics are per-day read models on both paths.
 */
public class ReportQueryHandler {

    private final ReportFactsReader facts;
    private final ConversionExplainer explainer;
    private final BooleanSupplier rollupsLive;

    /** Without a roll-up read model running: every report takes the exact path. */
    public ReportQueryHandler(MongoDatabase database, AttributionSettings settings) {
        this(database, settings, () -> false);
    }

    /** @param rollupsLive false while the roll-up read model is being rebuilt: then every report takes the exact path */
    public ReportQueryHandler(MongoDatabase database, AttributionSettings settings, BooleanSupplier rollupsLive) {
        ConversionRepository conversions = new ConversionRepository(database);
        this.facts = new ReportFactsReader(conversions, new TrafficRepository(database), new SpendRepository(database),
                new CreditRollupRepository(database), settings);
        this.explainer = new ConversionExplainer(conversions, settings);
        this.rollupsLive = rollupsLive;
    }

    @QueryHandler
    public BlendedReportView handle(FindBlendedReport query) {
        return blended(query, pathFor(query.scope(), query.path()));
    }

    /** The blended report the way asked for, whatever the roll-ups cover (for the differential test and the bench). */
    public BlendedReportView blended(FindBlendedReport query, String path) {
        AttributionScope scope = query.scope();
        ReportFacts read = read(scope, path);
        BlendedTable.Result table = BlendedTable.build(read, query.groupBy(),
                scope.model() == AttributionModel.PARTICIPATION);
        return new BlendedReportView(scope.from(), scope.to(), query.groupBy(), scope.model(), scope.mode(),
                scope.lookbackDays(), read.currency(), table.rows(), table.totals(), read.otherCurrencies(), path);
    }

    @QueryHandler
    public TimeseriesView handle(FindReportTimeseries query) {
        return timeseries(query, pathFor(query.scope(), query.path()));
    }

    /** The time series the way asked for, as {@link #blended}. */
    public TimeseriesView timeseries(FindReportTimeseries query, String path) {
        AttributionScope scope = query.scope();
        ReportFacts read = read(scope, path);
        return new TimeseriesView(scope.from(), scope.to(), query.metric(), query.groupBy(), query.interval(),
                scope.model(), scope.mode(), read.currency(), TimeseriesTable.build(read, query.metric(),
                query.groupBy(), query.interval(), scope.from(), scope.to()), path);
    }

    private String pathFor(AttributionScope scope, String asked) {
        return !ReportPath.EXACT.equals(asked) && ReportFactsReader.rollupsCover(scope) && rollupsLive.getAsBoolean()
                ? ReportPath.ROLLUP : ReportPath.EXACT;
    }

    private ReportFacts read(AttributionScope scope, String path) {
        if (ReportPath.ROLLUP.equals(path)) {
            if (!ReportFactsReader.rollupsCover(scope)) {
                throw new IllegalArgumentException("the roll-ups cover conversion_time mode only");
            }
            return facts.readRolledUp(scope);
        }
        return facts.read(scope);
    }

    /** Null when no conversion has the event id. */
    @QueryHandler
    public ConversionAttributionView handle(FindConversionAttribution query) {
        return explainer.explain(query.eventId(), query.model());
    }
}
