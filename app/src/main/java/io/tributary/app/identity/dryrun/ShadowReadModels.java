package io.tributary.app.identity.dryrun;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.ReportGrouping;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.attribution.AttributionSettings;
import io.tributary.query.attribution.ConversionProjection;
import io.tributary.query.attribution.ReportQueryHandler;
import io.tributary.api.session.TrafficSource;
import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * One shadow copy of the attribution read model, in a database of its own ({@code <database>_dryrun_<id>_<side>}),
 * fed by a replay and read by the same report code as the live one. The live read models are never touched.
 */
final class ShadowReadModels implements AutoCloseable {

    private final MongoDatabase database;
    private final AttributionSettings settings;
    private final ConversionProjection conversions;

    /** @param classifier classifies an order's own landing_site / referring_site, as the live model's rules do */
    ShadowReadModels(MongoClient client, String name, AttributionSettings settings,
                     BiFunction<String, String, TrafficSource> classifier) {
        this.database = client.getDatabase(name);
        this.database.drop();
        this.settings = settings;
        this.conversions = new ConversionProjection(database, settings, classifier::apply);
    }

    /** Feeds one event payload; payloads the attribution read model does not handle are ignored. */
    void feed(Object payload) {
        if (payload instanceof EventRecorded e) {
            conversions.on(e);
        } else if (payload instanceof SessionStarted e) {
            conversions.on(e);
        } else if (payload instanceof SessionReclassified e) {
            conversions.on(e);
        } else if (payload instanceof ProfilesMerged e) {
            conversions.on(e);
        }
    }

    BlendedReportView perChannelGroup(AttributionModel model, LocalDate from, LocalDate to) {
        return new ReportQueryHandler(database, settings).handle(new FindBlendedReport(
                new AttributionScope(from, to, model, AttributionMode.CONVERSION_TIME, null), ReportGrouping.CHANNEL_GROUP));
    }

    @Override
    public void close() {
        database.drop();
    }
}
