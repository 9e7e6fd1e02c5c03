package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindReportTimeseries;
import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportInterval;
import io.tributary.api.report.ReportMetric;
import io.tributary.api.report.ReportPath;
import io.tributary.api.report.RestatementCause;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.bench.ShopStream;
import io.tributary.query.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generated shop (profiles on several devices merged by identifies, sessions, orders with cancellations and
 * refunds, ad-platform days restated by newer versions), over weeks and within one busy day, delivered in three
 * arrival orders, in random processor
 * batches with some redelivered: for every model, the three groupings and several ranges, the report added up from
 * the roll-ups equals the report credited when asked, to the cent.
 */
class RollupsDifferentialTest extends EmbeddedMongo {

    /** Up to two hours between steps: the shop's few thousand events spread over weeks. */
    static final int SPREAD_OVER_WEEKS = 7_200_000;
    private static final List<Object> SHOP = attributionEvents(ShopStream.generate(11, 4_000, SPREAD_OVER_WEEKS));
    /** The same shop within a day: ad platforms sync the same days again (restated days), identifies merge often. */
    private static final List<Object> BUSY_DAY = attributionEvents(ShopStream.generate(11, 4_000));
    private static final List<ReportGrouping> GROUPINGS = List.of(ReportGrouping.CHANNEL_GROUP, ReportGrouping.CHANNEL,
            ReportGrouping.CAMPAIGN);

    /** The orders a shop's events can arrive in at the read models. */
    enum Arrival {
        /** As the event store holds them. */
        STORED,
        /** Shuffled: refunds before their orders, sessions after the orders they precede. */
        SHUFFLED,
        /** Every session and merge after every order: each one a late stitch. */
        STITCHES_LAST;

        List<Object> of(List<Object> events, Random random) {
            List<Object> ordered = new ArrayList<>(events);
            switch (this) {
                case STORED -> { }
                case SHUFFLED -> Collections.shuffle(ordered, random);
                case STITCHES_LAST -> ordered.sort(Comparator.comparing(e -> e instanceof SessionStarted
                        || e instanceof ProfilesMerged));
            }
            return ordered;
        }
    }

    /** The shop over weeks, and the busy day (where merges and ad restatements restate), in every arrival order. */
    static Stream<Arguments> shopsAndArrivals() {
        return Stream.of(Arrival.values()).flatMap(arrival -> Stream.of(Arguments.of("weeks", arrival),
                Arguments.of("busy day", arrival)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("shopsAndArrivals")
    void rolledUpReportsEqualTheReportsCreditedWhenAsked(String shopName, Arrival arrival) {
        Random random = new Random(arrival.ordinal());
        AttributionSettings settings = AttributionSettings.defaults();
        List<Object> shop = shopName.equals("weeks") ? SHOP : BUSY_DAY;
        deliver(database, arrival.of(shop, random), random, settings);
        ReportQueryHandler reports = new ReportQueryHandler(database, settings);
        List<LocalDate> days = daysOf(shop);
        assertThat(days).as("the shop's days").hasSizeGreaterThan(shop == SHOP ? 30 : 0);
        LocalDate first = days.get(0);
        LocalDate last = days.get(days.size() - 1);
        List<LocalDate[]> ranges = List.of(new LocalDate[] {last, last}, new LocalDate[] {last.minusDays(6), last},
                new LocalDate[] {last.minusDays(29), last}, new LocalDate[] {first, last},
                new LocalDate[] {first.plusDays(1), first.plusDays(3)});

        int compared = 0;
        BigDecimal revenueSeen = BigDecimal.ZERO;
        for (AttributionModel model : AttributionModel.values()) {
            for (ReportGrouping grouping : GROUPINGS) {
                for (LocalDate[] range : ranges) {
                    AttributionScope scope = new AttributionScope(range[0], range[1], model,
                            AttributionMode.CONVERSION_TIME, null);
                    FindBlendedReport query = new FindBlendedReport(scope, grouping);
                    BlendedReportView rolledUp = reports.blended(query, ReportPath.ROLLUP);
                    BlendedReportView exact = reports.blended(query, ReportPath.EXACT);
                    assertThat(rolledUp).as("%s by %s over %s..%s", model, grouping, range[0], range[1])
                            .usingRecursiveComparison().ignoringFields("path").isEqualTo(exact);
                    revenueSeen = revenueSeen.add(exact.totals().revenue());
                    compared++;
                }
                FindReportTimeseries series = new FindReportTimeseries(new AttributionScope(first, last, model,
                        AttributionMode.CONVERSION_TIME, null), ReportMetric.REVENUE, grouping, ReportInterval.DAY);
                assertThat(reports.timeseries(series, ReportPath.ROLLUP)).usingRecursiveComparison()
                        .ignoringFields("path").isEqualTo(reports.timeseries(series, ReportPath.EXACT));
            }
        }
        assertThat(compared).isEqualTo(11 * 3 * ranges.size());
        assertThat(revenueSeen).as("the shop has credited revenue").isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = Arrival.class, names = {"SHUFFLED", "STITCHES_LAST"})
    void restatementsOfLateArrivalsAreLoggedWithTheirCause(Arrival arrival) {
        Random random = new Random(arrival.ordinal());
        deliver(database, arrival.of(BUSY_DAY, random), random, AttributionSettings.defaults());

        Set<String> causes = database.getCollection(RestatementLog.COLLECTION).find().into(new ArrayList<>()).stream()
                .map(d -> d.getString("cause")).collect(Collectors.toSet());

        assertThat(causes).contains(RestatementCause.LATE_STITCH.wireName(), RestatementCause.MERGE.wireName(),
                RestatementCause.REFUND.wireName(), RestatementCause.CANCEL.wireName(),
                RestatementCause.AD_RESTATEMENT.wireName());
    }

    private static List<Object> attributionEvents(List<Object> events) {
        return events.stream().filter(e -> e instanceof EventRecorded || e instanceof SessionStarted
                || e instanceof ProfilesMerged || e instanceof MetricDayRecorded).toList();
    }

    static List<LocalDate> daysOf(List<Object> events) {
        return events.stream().flatMap(e -> e instanceof EventRecorded r && r.event() != null
                        && r.event().timestamp() != null ? Stream.of(ConversionRepository.dayOf(r.event().timestamp()))
                        : Stream.empty()).distinct().sorted().toList();
    }

    /** Every attribution read model, as their pooled processors would: random batches, every fifth one twice. */
    static void deliver(MongoDatabase database, List<Object> events, Random random, AttributionSettings settings) {
        List<Object> projections = List.of(new ConversionProjection(database, settings, CLASSIFIER),
                new TrafficProjection(database), new SpendProjection(database),
                new CreditRollupProjection(database, settings, CLASSIFIER));
        List<EventMessage<?>> messages = events.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage)
                .toList();
        for (Object projection : projections) {
            deliver(projection, messages, new Random(random.nextLong()));
        }
    }

    static void deliver(Object projection, List<EventMessage<?>> events, Random random) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> handled = events.stream().filter(adapter::canHandle).toList();
        int batches = 0;
        for (int from = 0; from < handled.size(); batches++) {
            int to = Math.min(handled.size(), from + 1 + random.nextInt(60));
            List<EventMessage<?>> batch = new ArrayList<>(handled.subList(from, to));
            for (int delivery = 0; delivery < (batches % 5 == 0 ? 2 : 1); delivery++) {
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
                unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
                assertThat(unitOfWork.isRolledBack()).isFalse();
            }
            from = to;
        }
    }

    static List<Document> all(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
