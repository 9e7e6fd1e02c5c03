package io.tributary.app.commerce;

import io.tributary.saga.backfill.BackfillSaga;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** How the backfill saga handles failures. */
@Configuration
class CommerceConfig {

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
