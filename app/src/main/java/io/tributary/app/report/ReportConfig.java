package io.tributary.app.report;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.query.attribution.AttributionSettings;
import io.tributary.app.projection.Projections;
import io.tributary.query.attribution.ConversionProjection;
import io.tributary.query.attribution.CreditRollupProjection;
import io.tributary.query.attribution.RestatementQueryHandler;
import io.tributary.query.attribution.ReportQueryHandler;
import io.tributary.query.attribution.SpendProjection;
import io.tributary.query.attribution.TrafficProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The attribution read models (with the credit roll-ups), the report and restatement query handlers. Orders without a session are classified from their
 * own landing_site / referring_site with the sessions' channel rules (from the ingestion port), handed to the query
 * side here.
 */
@Configuration
public class ReportConfig {

    private static final String ROLLUPS = "attribution-rollups";
    private static final String CONVERSIONS = "attribution-conversions";

    @Bean
    AttributionSettings attributionSettings(AttributionProperties properties) {
        return properties.settings();
    }

    @Bean
    ConversionProjection conversionProjection(MongoDatabase database, AttributionSettings settings,
                                              IntakeDirectory intake) {
        return new ConversionProjection(database, settings, intake::classifyTraffic);
    }

    @Bean
    TrafficProjection trafficProjection(MongoDatabase database) {
        return new TrafficProjection(database);
    }

    @Bean
    SpendProjection spendProjection(MongoDatabase database) {
        return new SpendProjection(database);
    }

    @Bean
    CreditRollupProjection creditRollupProjection(MongoDatabase database, AttributionSettings settings,
                                                  IntakeDirectory intake) {
        return new CreditRollupProjection(database, settings, intake::classifyTraffic);
    }

    /** Reports add up the roll-ups while they are live and not behind the conversions; else the exact path. */
    @Bean
    ReportQueryHandler reportQueryHandler(MongoDatabase database, AttributionSettings settings,
                                          ObjectProvider<Projections> projections) {
        return new ReportQueryHandler(database, settings, () -> RollupFreshness.usable(
                projections.getObject().status(ROLLUPS), projections.getObject().status(CONVERSIONS)));
    }

    @Bean
    RestatementQueryHandler restatementQueryHandler(MongoDatabase database) {
        return new RestatementQueryHandler(database);
    }
}
