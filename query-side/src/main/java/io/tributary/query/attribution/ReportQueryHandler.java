package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.ConversionAttributionView;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindConversionAttribution;
import io.tributary.api.report.FindReportTimeseries;
import io.tributary.api.report.TimeseriesView;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the reports from the attribution read models (never from the event store): credit is computed when
 * asked, from the conversions in range, their profiles' sessions and the day documents of traffic and spend.
 */
public class ReportQueryHandler {

    private final ReportFactsReader facts;
    private final ConversionExplainer explainer;

    public ReportQueryHandler(MongoDatabase database, AttributionSettings settings) {
        ConversionRepository conversions = new ConversionRepository(database);
        this.facts = new ReportFactsReader(conversions, new TrafficRepository(database), new SpendRepository(database),
                settings);
        this.explainer = new ConversionExplainer(conversions, settings);
    }

    @QueryHandler
    public BlendedReportView handle(FindBlendedReport query) {
        AttributionScope scope = query.scope();
        ReportFacts read = facts.read(scope);
        BlendedTable.Result table = BlendedTable.build(read, query.groupBy(),
                scope.model() == AttributionModel.PARTICIPATION);
        return new BlendedReportView(scope.from(), scope.to(), query.groupBy(), scope.model(), scope.mode(),
                scope.lookbackDays(), read.currency(), table.rows(), table.totals(), read.otherCurrencies());
    }

    @QueryHandler
    public TimeseriesView handle(FindReportTimeseries query) {
        AttributionScope scope = query.scope();
        ReportFacts read = facts.read(scope);
        return new TimeseriesView(scope.from(), scope.to(), query.metric(), query.groupBy(), query.interval(),
                scope.model(), scope.mode(), read.currency(), TimeseriesTable.build(read, query.metric(),
                query.groupBy(), query.interval(), scope.from(), scope.to()));
    }

    /** Null when no conversion has the event id. */
    @QueryHandler
    public ConversionAttributionView handle(FindConversionAttribution query) {
        return explainer.explain(query.eventId(), query.model());
    }
}
