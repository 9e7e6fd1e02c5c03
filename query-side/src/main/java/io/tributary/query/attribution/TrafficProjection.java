package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import java.util.stream.Stream;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Sessions started per UTC day and traffic source: the sessions column of reports. The handler works on one
 * {@link UnitOfWorkBatches batch} per processor batch: one read and one bulk write.
 */
@ProcessingGroup("attribution-traffic")
public class TrafficProjection {

    private final TrafficRepository repository;
    private final UnitOfWorkBatches batches;

    public TrafficProjection(MongoDatabase database) {
        this.repository = new TrafficRepository(database);
        this.batches = new UnitOfWorkBatches(database, (batch, events) -> repository.load(batch, Stream.concat(
                UnitOfWorkBatches.payloadsOf(events, SessionStarted.class).stream().map(SessionStarted::startedAt),
                UnitOfWorkBatches.payloadsOf(events, SessionReclassified.class).stream()
                        .map(SessionReclassified::startedAt)).toList()));
    }

    @EventHandler
    public void on(SessionStarted event) {
        batches.run(batch -> repository.count(batch, event));
    }

    /** The session moves from its previous traffic source's count to its new one, on the day it started. */
    @EventHandler
    public void on(SessionReclassified event) {
        batches.run(batch -> repository.reclassify(batch, event));
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }
}
