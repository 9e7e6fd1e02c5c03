package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.MetricDayRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Ad-platform metrics per day and marketing source, the latest version of each day replacing older ones. */
@ProcessingGroup("attribution-spend")
public class SpendProjection {

    private final SpendRepository repository;

    public SpendProjection(MongoDatabase database) {
        this.repository = new SpendRepository(database);
    }

    @EventHandler
    public void on(MetricDayRecorded event) {
        repository.record(event);
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }
}
