package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.session.SessionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Sessions started per UTC day and traffic source: the sessions column of reports. */
@ProcessingGroup("attribution-traffic")
public class TrafficProjection {

    private final TrafficRepository repository;

    public TrafficProjection(MongoDatabase database) {
        this.repository = new TrafficRepository(database);
    }

    @EventHandler
    public void on(SessionStarted event) {
        repository.count(event);
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }
}
