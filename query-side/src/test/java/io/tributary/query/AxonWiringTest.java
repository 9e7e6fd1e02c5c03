package io.tributary.query;

import io.tributary.api.eventlog.EventLogPage;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileHistory;
import io.tributary.api.profile.ProfileHistoryView;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.session.FindProfileSessions;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.SessionView;
import io.tributary.api.source.FindSources;
import io.tributary.api.source.SourceView;
import io.tributary.query.eventlog.EventLogProjection;
import io.tributary.query.profile.ProfileHistoryProjection;
import io.tributary.query.profile.ProfileProjection;
import io.tributary.query.session.SessionProjection;
import io.tributary.query.source.SourceProjection;
import io.tributary.query.support.EmbeddedMongo;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.evidence;
import static io.tributary.query.support.Fixtures.recorded;
import static io.tributary.query.support.Fixtures.survivorSide;
import static io.tributary.query.support.Fixtures.tracked;
import static org.assertj.core.api.Assertions.assertThat;

/** The projections as Axon sees them: processing groups, event handlers, reset support and query handlers. */
class AxonWiringTest extends EmbeddedMongo {

    private List<Object> projections;
    private QueryBus queryBus;

    @BeforeEach
    void registerProjections() {
        projections = List.of(new EventLogProjection(database), new ProfileProjection(database),
                new ProfileHistoryProjection(database), new SessionProjection(database), new SourceProjection(database));
        queryBus = SimpleQueryBus.builder().build();
        projections.forEach(projection -> new AnnotationQueryHandlerAdapter<>(projection).subscribe(queryBus));
    }

    @Test
    void eachProjectionHasItsOwnProcessingGroupAndSupportsReset() {
        assertThat(projections).extracting(p -> p.getClass().getAnnotation(ProcessingGroup.class).value())
                .containsExactly("event-log", "profiles", "profile-history", "sessions", "sources");
        assertThat(projections).allMatch(p -> new AnnotationEventHandlerAdapter(p).supportsReset());
    }

    @Test
    void handlesEventsAndAnswersQueriesThroughAxon() throws Exception {
        publish(recorded("r1", "a", "web", "s1", at(1), tracked("$page_load", "e1", at(1))));
        publish(new SessionStarted("s1", "a", "r1", at(1), "Direct", "Direct", null, null,
                null, "https://shop.example/", null));
        publish(survivorSide("a", "b", List.of(), Map.of(), evidence("m1", at(2))));

        assertThat(query(new FindEvents(null, null, "a", null, null, null, 10, null), EventLogPage.class).items()).hasSize(1);
        assertThat(query(new FindProfile("b"), ProfileView.class).eventCount()).isEqualTo(1);
        assertThat(query(new FindProfileHistory("a"), ProfileHistoryView.class).decisions()).hasSize(1);
        assertThat(queryBus.query(new GenericQueryMessage<>(new FindProfileSessions("b"),
                ResponseTypes.multipleInstancesOf(SessionView.class))).get().getPayload()).hasSize(1);
        assertThat(queryBus.query(new GenericQueryMessage<>(new FindSources(),
                ResponseTypes.multipleInstancesOf(SourceView.class))).get().getPayload()).isEmpty();
    }

    private void publish(Object event) throws Exception {
        for (Object projection : projections) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            GenericEventMessage<Object> message = new GenericEventMessage<>(event);
            if (adapter.canHandle(message)) {
                adapter.handle(message);
            }
        }
    }

    private <R> R query(Object query, Class<R> type) throws Exception {
        return queryBus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type))).get().getPayload();
    }
}
