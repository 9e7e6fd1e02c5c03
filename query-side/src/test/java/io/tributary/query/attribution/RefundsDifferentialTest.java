package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static io.tributary.query.attribution.AttributionFixtures.march;
import static io.tributary.query.attribution.AttributionFixtures.on;
import static io.tributary.query.attribution.AttributionFixtures.orderWith;
import static io.tributary.query.attribution.AttributionFixtures.properties;
import static io.tributary.query.attribution.AttributionFixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindConversionAttribution;
import io.tributary.api.report.ReportGrouping;
import io.tributary.query.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random shops of orders, partial, repeated and full refunds and cancellations, delivered shuffled (refunds before
 * their orders), in random processor batches, with batches redelivered: the projection's net revenue per order and
 * in total must equal a plain recomputation from the events.
 */
class RefundsDifferentialTest extends EmbeddedMongo {

    private static final int ORDERS = 40;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void netRevenueEqualsTheOrdersRevenueLessItsRefundsWhateverTheOrderAndBatching(long seed) {
        Random random = new Random(seed);
        AttributionSettings settings = AttributionSettings.defaults();
        ReportQueryHandler reports = new ReportQueryHandler(database, settings);
        Map<String, Expected> expected = new LinkedHashMap<>();
        List<EventRecorded> events = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            shop(random, "o" + i, expected, events);
        }
        Collections.shuffle(events, random);

        deliver(new ConversionProjection(database, settings, CLASSIFIER), events, random);

        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, Expected> order : expected.entrySet()) {
            BigDecimal net = reports.handle(new FindConversionAttribution(order.getKey(), AttributionModel.LAST_TOUCH))
                    .netRevenue();
            assertThat(net).as("net revenue of %s", order.getValue()).isEqualByComparingTo(order.getValue().net());
            total = total.add(order.getValue().net());
        }
        BigDecimal reported = reports.handle(new FindBlendedReport(new AttributionScope(march(1), march(31),
                AttributionModel.LAST_TOUCH, AttributionMode.CONVERSION_TIME, null), ReportGrouping.CHANNEL))
                .totals().netRevenue();
        assertThat(reported).isEqualByComparingTo(total);
    }

    /** One order and what happens to it, referred to by its event id or its shop id, and the expected outcome. */
    private static void shop(Random random, String eventId, Map<String, Expected> expected, List<EventRecorded> events) {
        BigDecimal revenue = BigDecimal.valueOf(100 + random.nextInt(20_000), 2);
        String shopId = "shop-" + eventId;
        events.add(orderWith(eventId, "p-" + eventId, on(5, 9), null,
                properties("total_price", revenue.toPlainString(), "currency", "EUR", "id", shopId)));
        Expected outcome = new Expected(eventId, revenue, new ArrayList<>(), false);
        int refunds = random.nextInt(4);
        for (int r = 0; r < refunds; r++) {
            String ref = random.nextBoolean() ? eventId : shopId;
            String refundId = eventId + "-refund-" + r;
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(revenue.unscaledValue().intValue() / 2 + 1), 2);
            switch (random.nextInt(6)) {
                case 0 -> {
                    events.add(refund(refundId, properties("order_id", ref)));
                    outcome.refunds().add(revenue);
                }
                case 1 -> {
                    events.add(refund(refundId, properties("order_id", ref, "total_price", amount.toPlainString())));
                    outcome.refunds().add(amount);
                }
                case 2 -> {
                    events.add(refund(refundId, properties("order_id", ref, "amount", amount)));
                    outcome.refunds().add(amount);
                }
                default -> {
                    events.add(refund(refundId, properties("order_id", ref, "amount", amount.toPlainString(),
                            "currency", "EUR")));
                    outcome.refunds().add(amount);
                }
            }
        }
        boolean cancelled = random.nextInt(10) == 0;
        if (cancelled) {
            events.add(recorded("Cancelled Order", eventId + "-cancel", "p9", on(6, 9), null,
                    properties("order_id", shopId)));
        }
        expected.put(eventId, new Expected(eventId, revenue, outcome.refunds(), cancelled));
    }

    private static EventRecorded refund(String refundId, Map<String, Object> properties) {
        return recorded("Refunded Order", refundId, "p9", on(7, 9), null, properties);
    }

    /** As a pooled processor: batches of 1 to 7 in one unit of work each, and every fifth batch delivered twice. */
    private static void deliver(Object projection, List<EventRecorded> events, Random random) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        int batches = 0;
        for (int from = 0; from < events.size(); batches++) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(7));
            List<EventMessage<?>> batch = events.subList(from, to).stream()
                    .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
            for (int delivery = 0; delivery < (batches % 5 == 0 ? 2 : 1); delivery++) {
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
                unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
                assertThat(unitOfWork.isRolledBack()).isFalse();
            }
            from = to;
        }
    }

    private record Expected(String eventId, BigDecimal revenue, List<BigDecimal> refunds, boolean cancelled) {

        BigDecimal net() {
            if (cancelled) {
                return BigDecimal.ZERO;
            }
            BigDecimal left = revenue;
            for (BigDecimal refund : refunds) {
                left = left.subtract(refund);
            }
            return left.signum() < 0 ? BigDecimal.ZERO : left;
        }
    }
}
