package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Ad-platform metrics per day and marketing source, the latest version of each day replacing older ones (an ad
 * platform's restated day, logged in the restatement log with the figures it changed). The handler
 * works on one {@link UnitOfWorkBatches batch} per processor batch: a few reads and one bulk write per collection.
 */
@ProcessingGroup("attribution-spend")
public class SpendProjection {

    private final SpendRepository repository;
    private final UnitOfWorkBatches batches;

    public SpendProjection(MongoDatabase database) {
        this.repository = new SpendRepository(database);
        this.batches = new UnitOfWorkBatches(database, (batch, events) -> repository.load(batch,
                UnitOfWorkBatches.payloadsOf(events, MetricDayRecorded.class)));
    }

    /** As a processor would, but without a domain event id to log a restatement under (so none is logged). */
    public void on(MetricDayRecorded event) {
        on(event, null);
    }

    @EventHandler
    public void on(MetricDayRecorded event, @MessageIdentifier String messageId) {
        batches.run(batch -> repository.record(batch, event, messageId));
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }
}
