package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static io.tributary.query.attribution.AttributionFixtures.EMAIL;
import static io.tributary.query.attribution.AttributionFixtures.march;
import static io.tributary.query.attribution.AttributionFixtures.metrics;
import static io.tributary.query.attribution.AttributionFixtures.on;
import static io.tributary.query.attribution.AttributionFixtures.order;
import static io.tributary.query.attribution.AttributionFixtures.properties;
import static io.tributary.query.attribution.AttributionFixtures.recorded;
import static io.tributary.query.attribution.AttributionFixtures.row;
import static io.tributary.query.attribution.AttributionFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindRestatements;
import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportPath;
import io.tributary.api.report.RestatementCause;
import io.tributary.api.report.RestatementView;
import io.tributary.api.report.RestatementsView;
import io.tributary.api.session.SessionReclassified;
import io.tributary.query.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A change to a day already counted is logged with its cause, event, and the cell's values before and after. */
class RestatementsTest extends EmbeddedMongo {

    private AnnotationEventHandlerAdapter rollups;
    private AnnotationEventHandlerAdapter spend;
    private RestatementQueryHandler restatements;

    @BeforeEach
    void setUp() {
        rollups = new AnnotationEventHandlerAdapter(new CreditRollupProjection(database,
                AttributionSettings.defaults(), CLASSIFIER));
        spend = new AnnotationEventHandlerAdapter(new SpendProjection(database));
        restatements = new RestatementQueryHandler(database);
    }

    @Test
    void logsALateSessionThatMovesAnOrdersCreditAsALateStitch() throws Exception {
        rollups.handle(GenericEventMessage.asEventMessage(order("o1", "p1", on(5, 10), "80.00", null)));
        GenericEventMessage<?> late = new GenericEventMessage<>(session("s1", "p1", on(5, 9), EMAIL));
        rollups.handle(late);

        RestatementsView view = restatements.handle(new FindRestatements(march(1), march(31),
                AttributionModel.LAST_TOUCH, ReportGrouping.CHANNEL));

        assertThat(view.restatedDays()).containsExactly(march(5));
        assertThat(view.restatements()).extracting(RestatementView::label, v -> v.before().revenue(),
                v -> v.after().revenue()).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("(no value)", new BigDecimal("80.00"), new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple("Klaviyo", new BigDecimal("0.00"), new BigDecimal("80.00")));
        assertThat(view.restatements()).allSatisfy(v -> {
            assertThat(v.cause()).isEqualTo(RestatementCause.LATE_STITCH);
            assertThat(v.eventId()).isEqualTo(late.getIdentifier());
        });
    }

    @Test
    void logsASessionReclassifiedByNewerChannelRulesAsARebuildAndMovesTheDaysCredit() throws Exception {
        rollups.handle(GenericEventMessage.asEventMessage(session("s1", "p1", on(5, 9), EMAIL)));
        rollups.handle(GenericEventMessage.asEventMessage(order("o1", "p1", on(5, 10), "80.00", "s1")));
        GenericEventMessage<?> reclassified = new GenericEventMessage<>(new SessionReclassified("s1", "p1", on(5, 9),
                "Email", "Klaviyo", "newsletter", null, null, "Affiliates", "Partner A", null, null, null, 2));
        rollups.handle(reclassified);

        RestatementsView view = restatements.handle(new FindRestatements(march(1), march(31),
                AttributionModel.LAST_TOUCH, ReportGrouping.CHANNEL));

        assertThat(view.restatedDays()).containsExactly(march(5));
        assertThat(view.restatements()).extracting(RestatementView::label, v -> v.before().revenue(),
                v -> v.after().revenue()).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Klaviyo", new BigDecimal("80.00"), new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple("Partner A", new BigDecimal("0.00"), new BigDecimal("80.00")));
        assertThat(view.restatements()).allSatisfy(v -> {
            assertThat(v.cause()).isEqualTo(RestatementCause.REBUILD);
            assertThat(v.eventId()).isEqualTo(reclassified.getIdentifier());
        });
    }

    @Test
    void logsARefundWithTheNetRevenueBeforeAndAfter() throws Exception {
        rollups.handle(GenericEventMessage.asEventMessage(session("s1", "p1", on(5, 9), EMAIL)));
        rollups.handle(GenericEventMessage.asEventMessage(order("o1", "p1", on(5, 10), "80.00", "s1")));
        rollups.handle(GenericEventMessage.asEventMessage(recorded("Refunded Order", "r1", "p1", on(9, 9), null,
                properties("order_id", "o1", "amount", "30.00"))));

        List<RestatementView> logged = restatements.handle(new FindRestatements(march(5), march(5),
                AttributionModel.FIRST_TOUCH, ReportGrouping.CHANNEL_GROUP)).restatements();

        assertThat(logged).singleElement().satisfies(v -> {
            assertThat(v.cause()).isEqualTo(RestatementCause.REFUND);
            assertThat(v.model()).isEqualTo(AttributionModel.FIRST_TOUCH);
            assertThat(v.key().channelGroup()).isEqualTo("Email");
            assertThat(v.before().netRevenue()).isEqualByComparingTo("80.00");
            assertThat(v.after().netRevenue()).isEqualByComparingTo("50.00");
            assertThat(v.after().revenue()).isEqualByComparingTo("80.00");
        });
    }

    @Test
    void logsAnAdPlatformsRestatedDayWithItsSpendBeforeAndAfter() throws Exception {
        spend.handle(GenericEventMessage.asEventMessage(metrics("meta", march(3), 1,
                row(march(3), AdPlatform.META, "111", "Spring Sale", "40.00", 1000, 50))));
        GenericEventMessage<?> restated = new GenericEventMessage<>(metrics("meta", march(3), 2,
                row(march(3), AdPlatform.META, "111", "Spring Sale", "45.50", 1100, 52)));
        spend.handle(restated);
        spend.handle(GenericEventMessage.asEventMessage(metrics("meta", march(3), 1,
                row(march(3), AdPlatform.META, "111", "Spring Sale", "40.00", 1000, 50))));

        List<RestatementView> logged = restatements.handle(new FindRestatements(march(1), march(31),
                AttributionModel.LINEAR, ReportGrouping.CAMPAIGN)).restatements();

        assertThat(logged).singleElement().satisfies(v -> {
            assertThat(v.cause()).isEqualTo(RestatementCause.AD_RESTATEMENT);
            assertThat(v.eventId()).isEqualTo(restated.getIdentifier());
            assertThat(v.model()).isNull();
            assertThat(v.key().campaign()).isEqualTo("Spring Sale");
            assertThat(v.before().spend()).isEqualByComparingTo("40.00");
            assertThat(v.after().spend()).isEqualByComparingTo("45.50");
            assertThat(v.after().impressions()).isEqualTo(1100);
        });
    }

    @Test
    void logsNothingForOrdersThatArriveInOrder() throws Exception {
        rollups.handle(GenericEventMessage.asEventMessage(session("s1", "p1", on(5, 9), EMAIL)));
        rollups.handle(GenericEventMessage.asEventMessage(order("o1", "p1", on(5, 10), "80.00", "s1")));

        assertThat(restatements.handle(new FindRestatements(march(1), march(31), null, ReportGrouping.CHANNEL))
                .restatements()).isEmpty();
    }

    @Test
    void answersFromTheRollupsInConversionTimeAndExactlyInClickTimeOrWhileRebuilding() throws Exception {
        AtomicBoolean live = new AtomicBoolean(true);
        ReportQueryHandler reports = new ReportQueryHandler(database, AttributionSettings.defaults(), live::get);
        rollups.handle(GenericEventMessage.asEventMessage(order("o1", "p1", on(5, 10), "80.00", null)));

        assertThat(reports.handle(query(AttributionMode.CONVERSION_TIME)).path()).isEqualTo(ReportPath.ROLLUP);
        assertThat(reports.handle(query(AttributionMode.CONVERSION_TIME)).totals().revenue())
                .isEqualByComparingTo("80.00");
        assertThat(reports.handle(query(AttributionMode.CLICK_TIME)).path()).isEqualTo(ReportPath.EXACT);
        live.set(false);
        assertThat(reports.handle(query(AttributionMode.CONVERSION_TIME)).path()).isEqualTo(ReportPath.EXACT);
    }

    private static FindBlendedReport query(AttributionMode mode) {
        return new FindBlendedReport(new AttributionScope(march(1), march(31), AttributionModel.LAST_TOUCH, mode,
                null), ReportGrouping.CHANNEL);
    }
}
