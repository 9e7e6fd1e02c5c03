package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static io.tributary.query.attribution.AttributionFixtures.march;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindRestatements;
import io.tributary.api.report.RestatementsView;
import io.tributary.api.report.ReportGrouping;
import io.tributary.query.support.EmbeddedMongo;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;

/** The attribution projections and report handler as Axon sees them. */
class AttributionWiringTest extends EmbeddedMongo {

    @Test
    void eachProjectionHasItsOwnProcessingGroupAndSupportsReset() {
        List<Object> projections = List.of(new ConversionProjection(database, AttributionSettings.defaults(), CLASSIFIER),
                new TrafficProjection(database), new SpendProjection(database),
                new CreditRollupProjection(database, AttributionSettings.defaults(), CLASSIFIER));

        assertThat(projections).extracting(p -> p.getClass().getAnnotation(ProcessingGroup.class).value())
                .containsExactly("attribution-conversions", "attribution-traffic", "attribution-spend",
                        "attribution-rollups");
        assertThat(projections).allMatch(p -> new AnnotationEventHandlerAdapter(p).supportsReset());
    }

    @Test
    void answersReportQueriesOnTheQueryBus() throws Exception {
        QueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new ReportQueryHandler(database, AttributionSettings.defaults())).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new RestatementQueryHandler(database)).subscribe(bus);
        FindBlendedReport query = new FindBlendedReport(new AttributionScope(march(1), march(2),
                AttributionModel.LAST_TOUCH, AttributionMode.CONVERSION_TIME, null), ReportGrouping.CHANNEL);

        BlendedReportView view = bus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(BlendedReportView.class)))
                .get().getPayload();

        assertThat(view.rows()).isEmpty();
        assertThat(view.currency()).isEqualTo("EUR");
        RestatementsView restatements = bus.query(new GenericQueryMessage<>(new FindRestatements(march(1), march(2),
                null, ReportGrouping.CHANNEL), ResponseTypes.instanceOf(RestatementsView.class))).get().getPayload();
        assertThat(restatements.restatements()).isEmpty();
    }
}
