package io.tributary.app.commerce;

import com.mongodb.client.MongoDatabase;
import io.tributary.command.source.SourceSecrets;
import io.tributary.command.source.WebhookDeliveries;
import io.tributary.saga.backfill.BackfillSaga;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store sources' command-side lookups, and how the backfill saga handles failures. */
@Configuration
class CommerceConfig {

    @Bean
    SourceSecrets sourceSecrets(MongoDatabase database) {
        return new SourceSecrets(database);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(MongoDatabase database, CommerceProperties properties) {
        return new WebhookDeliveries(database, properties.deliveryRetention());
    }

    /**
     * A failed backfill step is not skipped: the error reaches the processor, which leaves its token where it was
     * and hands the event to the saga again later.
     */
    @Autowired
    void propagateBackfillFailures(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(BackfillSaga.PROCESSING_GROUP,
                config -> PropagatingErrorHandler.instance());
    }
}
