package io.tributary.app.report;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.query.attribution.AttributionSettings;
import io.tributary.query.attribution.ConversionProjection;
import io.tributary.query.attribution.ReportQueryHandler;
import io.tributary.query.attribution.SpendProjection;
import io.tributary.query.attribution.TrafficProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The attribution read models and the report query handler. Orders without a session are classified from their
 * own landing_site / referring_site with the sessions' channel rules (from the ingestion port), handed to the query
 * side here.
 */
@Configuration
public class ReportConfig {

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
    ReportQueryHandler reportQueryHandler(MongoDatabase database, AttributionSettings settings) {
        return new ReportQueryHandler(database, settings);
    }
}
