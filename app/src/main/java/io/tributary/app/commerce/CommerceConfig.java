package io.tributary.app.commerce;

import io.tributary.saga.backfill.BackfillSaga;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How long store delivery ids are remembered, and how the backfill saga handles failures. */
@Configuration
class CommerceConfig {

    /** A redelivery within this time is answered as one (Shopify retries for 4 hours). */
    @Bean
    Duration storeDeliveryRetention(CommerceProperties properties) {
        return properties.deliveryRetention();
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
