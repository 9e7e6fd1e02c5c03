package io.tributary.app.dashboard;

import io.tributary.api.source.FindSource;
import io.tributary.api.source.SourceView;
import java.time.Duration;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Read your own writes: after a form changed a source, waits (briefly) until the sources read model shows the change,
 * so that the page the form leads to shows it too. A read model that lags longer only shows it on the next reload.
 */
final class SourceReadback {

    static final Duration PATIENCE = Duration.ofSeconds(3);
    private static final long STEP_MILLIS = 50;

    private SourceReadback() {
    }

    static void await(QueryGateway queries, String id, Predicate<SourceView> shows) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            SourceView view = find(queries, id);
            if (view != null && shows.test(view)) {
                return;
            }
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static SourceView find(QueryGateway queries, String id) {
        return queries.query(new FindSource(id), ResponseTypes.instanceOf(SourceView.class)).join();
    }
}
