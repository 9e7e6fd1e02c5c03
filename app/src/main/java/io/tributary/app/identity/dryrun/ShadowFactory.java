package io.tributary.app.identity.dryrun;

import com.mongodb.client.MongoClient;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.session.TrafficSource;
import io.tributary.query.attribution.AttributionSettings;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/** Opens shadow attribution read models with the live attribution settings. */
@Component
class ShadowFactory {

    private final MongoClient client;
    private final AttributionSettings settings;

    ShadowFactory(MongoClient client, AttributionSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    ShadowReadModels open(String databaseName, BiFunction<String, String, TrafficSource> classifier) {
        return new ShadowReadModels(client, databaseName, settings, classifier);
    }

    boolean isConversion(EventRecorded event) {
        return event.event() != null && settings.conversionEvents().contains(event.event().eventName());
    }
}
