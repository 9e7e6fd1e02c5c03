package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static io.tributary.query.attribution.AttributionFixtures.DIRECT;
import static io.tributary.query.attribution.AttributionFixtures.EMAIL;
import static io.tributary.query.attribution.AttributionFixtures.GOOGLE_BRAND;
import static io.tributary.query.attribution.AttributionFixtures.META_SPRING;
import static io.tributary.query.attribution.AttributionFixtures.ORGANIC;
import static io.tributary.query.attribution.AttributionFixtures.march;
import static io.tributary.query.attribution.AttributionFixtures.metrics;
import static io.tributary.query.attribution.AttributionFixtures.on;
import static io.tributary.query.attribution.AttributionFixtures.order;
import static io.tributary.query.attribution.AttributionFixtures.orderWith;
import static io.tributary.query.attribution.AttributionFixtures.properties;
import static io.tributary.query.attribution.AttributionFixtures.recorded;
import static io.tributary.query.attribution.AttributionFixtures.row;
import static io.tributary.query.attribution.AttributionFixtures.session;
import static io.tributary.query.support.Fixtures.evidence;
import static io.tributary.query.support.Fixtures.survivorSide;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.AttributionScope;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.BlendedRow;
import io.tributary.api.report.ConversionAttributionView;
import io.tributary.api.report.FindBlendedReport;
import io.tributary.api.report.FindConversionAttribution;
import io.tributary.api.report.FindReportTimeseries;
import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportInterval;
import io.tributary.api.report.ReportMetric;
import io.tributary.api.report.TimeseriesView;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.support.EmbeddedMongo;
import java.math.BigDecimal;
import io.tributary.api.session.SessionReclassified;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The projections and the report query handler on the embedded store, fed the messages directly. */
class ReportQueryHandlerTest extends EmbeddedMongo {

    private ConversionProjection conversions;
    private TrafficProjection traffic;
    private SpendProjection spend;
    private ReportQueryHandler reports;

    @BeforeEach
    void wire() {
        AttributionSettings settings = AttributionSettings.defaults();
        conversions = new ConversionProjection(database, settings, CLASSIFIER);
        traffic = new TrafficProjection(database);
        spend = new SpendProjection(database);
        reports = new ReportQueryHandler(database, settings);
    }

    @Test
    void joinsSessionsOrdersAndSpendPerCampaign() {
        visit(session("s1", "p1", on(3, 10), META_SPRING));
        conversions.on(order("o1", "p1", on(3, 11), "120.00", "s1"));
        visit(session("s2", "p2", on(4, 9), GOOGLE_BRAND));
        conversions.on(order("o2", "p2", on(5, 10), "60.00", null));
        visit(session("s3", "p3", on(4, 12), ORGANIC));
        spend.on(metrics("meta", march(3), 1, row(march(3), AdPlatform.META, "111", "Spring Sale", "40.00", 1000, 50)));
        spend.on(metrics("meta", march(4), 1, row(march(4), AdPlatform.META, "111", "Spring Sale", "20.00", 500, 25)));
        spend.on(metrics("google", march(5), 1, row(march(5), AdPlatform.GOOGLE, "222", "brand search", "30.00", 300, 30)));
        spend.on(metrics("tiktok", march(5), 1, row(march(5), AdPlatform.TIKTOK, "333", "Launch", "15.00", 100, 5)));

        BlendedReportView report = blended(ReportGrouping.CAMPAIGN, AttributionModel.LAST_TOUCH);

        assertThat(report.rows()).extracting(r -> r.key().channel(), r -> r.key().campaign(), r -> r.key().campaignId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Meta Ads", "Spring Sale", "111"),
                        org.assertj.core.groups.Tuple.tuple("Google Ads", "brand search", "222"),
                        org.assertj.core.groups.Tuple.tuple("TikTok Ads", "Launch", "333"),
                        org.assertj.core.groups.Tuple.tuple("Google", "(no value)", null));
        BlendedRow meta = report.rows().get(0);
        assertThat(meta.metrics().sessions()).isEqualTo(1);
        assertMoney(meta.metrics().orders(), "1.00");
        assertMoney(meta.metrics().revenue(), "120.00");
        assertMoney(meta.metrics().spend(), "60.00");
        assertThat(meta.metrics().impressions()).isEqualTo(1500);
        assertThat(meta.metrics().clicks()).isEqualTo(75);
        assertMoney(meta.metrics().roas(), "2.0000");
        assertMoney(meta.metrics().cpa(), "60.00");
        assertMoney(meta.metrics().cpc(), "0.80");
        assertMoney(meta.metrics().ctr(), "0.0500");
        assertMoney(meta.metrics().cvr(), "1.0000");
        assertMoney(meta.metrics().aov(), "120.00");
        assertMoney(meta.metrics().platformConversionValue(), "20.00");
        BlendedRow tiktok = report.rows().get(2);
        assertThat(tiktok.metrics().sessions()).as("spend that matches no session keeps its row").isZero();
        assertMoney(tiktok.metrics().roas(), "0.0000");
        assertThat(tiktok.metrics().cpa()).as("no orders: no CPA").isNull();
        assertThat(tiktok.metrics().cvr()).isNull();
        assertThat(tiktok.metrics().aov()).isNull();
        assertThat(report.totals().sessions()).isEqualTo(3);
        assertMoney(report.totals().revenue(), "180.00");
        assertMoney(report.totals().spend(), "105.00");
        assertMoney(report.totals().roas(), "1.7143");
        assertThat(report.currency()).isEqualTo("EUR");
    }

    @Test
    void changingTheModelChangesOnlyFirstPartyColumns() {
        visit(session("s1", "p1", on(3, 10), META_SPRING));
        visit(session("s2", "p1", on(4, 10), EMAIL));
        conversions.on(order("o1", "p1", on(4, 11), "80.00", "s2"));
        spend.on(metrics("meta", march(3), 1, row(march(3), AdPlatform.META, "111", "Spring Sale", "40.00", 1000, 50)));

        BlendedRow first = channel(blended(ReportGrouping.CHANNEL, AttributionModel.FIRST_TOUCH), "Meta Ads");
        BlendedRow last = channel(blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH), "Meta Ads");

        assertMoney(first.metrics().revenue(), "80.00");
        assertMoney(last.metrics().revenue(), "0.00");
        assertThat(last.metrics().spend()).isEqualByComparingTo(first.metrics().spend());
        assertThat(last.metrics().sessions()).isEqualTo(first.metrics().sessions());
        assertThat(last.metrics().impressions()).isEqualTo(first.metrics().impressions());
    }

    @Test
    void aLateMergeBringsTheMergedProfilesSessionsIntoExistingConversions() {
        visit(session("a1", "pA", on(10, 9), ORGANIC));
        conversions.on(order("oA", "pA", on(12, 9), "100.00", null));
        assertThat(channel(blended(ReportGrouping.CHANNEL, AttributionModel.FIRST_TOUCH), "Google").metrics().orders())
                .isEqualByComparingTo("1");

        visit(session("b1", "pB", on(8, 9), META_SPRING));
        conversions.on(survivorSide("pA", "pB", List.of(), Map.of(), evidence("m1", on(13, 9))));

        BlendedReportView firstTouch = blended(ReportGrouping.CHANNEL, AttributionModel.FIRST_TOUCH);
        assertMoney(channel(firstTouch, "Meta Ads").metrics().revenue(), "100.00");
        assertThat(firstTouch.rows()).noneMatch(r -> "Google".equals(r.key().channel()) && r.metrics().orders().signum() > 0);
        BlendedReportView linear = blended(ReportGrouping.CHANNEL, AttributionModel.LINEAR);
        assertMoney(channel(linear, "Meta Ads").metrics().revenue(), "50.00");
        assertMoney(channel(linear, "Google").metrics().revenue(), "50.00");
    }

    @Test
    void sessionsOfAMergedProfileArrivingAfterTheMergeStillJoinTheSurvivor() {
        conversions.on(order("oA", "pA", on(12, 9), "100.00", null));
        conversions.on(survivorSide("pA", "pB", List.of(), Map.of(), evidence("m1", on(13, 9))));
        conversions.on(survivorSide("pZ", "pA", List.of(), Map.of(), evidence("m2", on(14, 9))));

        visit(session("b1", "pB", on(8, 9), META_SPRING));

        assertMoney(channel(blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH), "Meta Ads").metrics().revenue(),
                "100.00");
        ConversionAttributionView explained = reports.handle(new FindConversionAttribution("oA", AttributionModel.LAST_TOUCH));
        assertThat(explained.profileId()).as("merged twice: the last survivor").isEqualTo("pZ");
    }

    @Test
    void attributesAConversionWithoutSessionFromItsOwnMetadataElseToNoValue() {
        conversions.on(orderWith("o1", "p1", on(5, 9), null, properties("total_price", "30.00", "currency", "EUR",
                "landing_site", "/products/x?gclid=abc", "referring_site", "https://www.google.com/")));
        conversions.on(order("o2", "p2", on(5, 10), "20.00", null));

        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH);

        assertMoney(channel(report, "Google Ads").metrics().revenue(), "30.00");
        assertMoney(channel(report, "(no value)").metrics().revenue(), "20.00");
    }

    @Test
    void refundsAndCancellationsReduceNetRevenueOfTheOrderTheyReferTo() {
        conversions.on(orderWith("o1", "p1", on(5, 9), null, properties("total_price", "100.00", "currency", "EUR",
                "id", 9001L)));
        conversions.on(order("o2", "p2", on(5, 10), "40.00", null));
        conversions.on(recorded("Refunded Order", "refund-1", "p1", on(7, 9), null,
                properties("order_id", "9001", "total_price", "30.00")));
        conversions.on(recorded("Refunded Order", "refund-1", "p1", on(7, 9), null,
                properties("order_id", "9001", "total_price", "30.00")));
        conversions.on(recorded("Cancelled Order", "o2", "p9", on(6, 9), null, properties()));

        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH);

        assertMoney(report.totals().revenue(), "140.00");
        assertMoney(report.totals().netRevenue(), "70.00");
    }

    @Test
    void aRefundsAmountReducesNetRevenueByWhatItGaveBackAndSeveralRefundsAddUp() {
        conversions.on(orderWith("o1", "p1", on(5, 9), null, properties("total_price", "119.90", "currency", "EUR",
                "id", "9001")));
        conversions.on(order("o2", "p2", on(5, 10), "50.00", null));
        conversions.on(order("o3", "p3", on(5, 11), "60.00", null));
        conversions.on(refund("r1", properties("order_id", "9001", "amount", "30.00", "currency", "EUR")));
        conversions.on(refund("r1", properties("order_id", "9001", "amount", "30.00", "currency", "EUR")));
        conversions.on(refund("r2", properties("order_id", "o2", "amount", "20.00")));
        conversions.on(refund("r3", properties("order_id", "o2", "amount", "30.00")));
        conversions.on(refund("r4", properties("order_id", "o3", "amount", 45)));
        conversions.on(refund("r5", properties("order_id", "o3", "amount", "45.00")));

        assertMoney(netRevenueOf("o1"), "89.90");
        assertMoney(netRevenueOf("o2"), "0.00");
        assertMoney(netRevenueOf("o3"), "0.00");
        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH);
        assertMoney(report.totals().revenue(), "229.90");
        assertMoney(report.totals().netRevenue(), "89.90");
    }

    @Test
    void aRefundArrivingBeforeItsOrderIsAppliedWhenTheOrderArrives() {
        conversions.on(refund("r1", properties("order_id", "o1", "amount", "10.00")));
        assertThat(reports.handle(new FindConversionAttribution("o1", AttributionModel.LAST_TOUCH))).isNull();

        conversions.on(order("o1", "p1", on(5, 9), "80.00", null));

        assertMoney(netRevenueOf("o1"), "70.00");
        assertMoney(blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH).totals().netRevenue(), "70.00");
    }

    @Test
    void aRefundWithoutAmountKeepsItsTotalPriceElseRefundsTheWholeOrder() {
        conversions.on(order("o1", "p1", on(5, 9), "40.00", null));
        conversions.on(order("o2", "p2", on(5, 10), "60.00", null));
        conversions.on(refund("r1", properties("order_id", "o1", "total_price", "15.00")));
        conversions.on(refund("r2", properties("order_id", "o2", "amount", "not money")));

        assertMoney(netRevenueOf("o1"), "25.00");
        assertMoney(netRevenueOf("o2"), "0.00");
    }

    @Test
    void countsAndFlagsOrdersInAnotherCurrencyWithoutSummingThem() {
        conversions.on(orderWith("o1", "p1", on(5, 9), null, properties("total_price", "50.00", "currency", "usd",
                "$is_new_customer", true)));
        conversions.on(order("o2", "p2", on(5, 9), "20.00", null));

        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH);

        assertMoney(report.totals().orders(), "2.00");
        assertMoney(report.totals().revenue(), "20.00");
        assertMoney(report.totals().otherCurrencyOrders(), "1.00");
        assertMoney(report.totals().newCustomerOrders(), "1.00");
        assertMoney(report.totals().aov(), "20.00");
        assertThat(report.otherCurrencies()).containsOnlyKeys("USD");
        assertMoney(report.otherCurrencies().get("USD").revenue(), "50.00");
        assertMoney(report.otherCurrencies().get("USD").orders(), "1.00");
    }

    @Test
    void roundsFractionalCreditSoThatTheRowsSumToTheTotals() {
        visit(session("s1", "p1", on(3, 9), META_SPRING));
        visit(session("s2", "p1", on(4, 9), EMAIL));
        visit(session("s3", "p1", on(5, 9), ORGANIC));
        conversions.on(order("o1", "p1", on(5, 10), "100.00", "s3"));

        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.LINEAR);

        assertThat(report.rows()).extracting(r -> r.metrics().revenue().toPlainString())
                .containsExactlyInAnyOrder("33.34", "33.33", "33.33");
        assertThat(report.rows()).extracting(r -> r.metrics().orders().toPlainString())
                .containsExactlyInAnyOrder("0.34", "0.33", "0.33");
        assertMoney(report.totals().revenue(), "100.00");
        assertMoney(report.totals().orders(), "1.00");
    }

    @Test
    void participationCreditsEveryTouchpointFullyButCountsTheConversionOnceInTheTotals() {
        visit(session("s1", "p1", on(3, 9), META_SPRING));
        visit(session("s2", "p1", on(4, 9), EMAIL));
        conversions.on(order("o1", "p1", on(4, 10), "90.00", "s2"));

        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.PARTICIPATION);

        assertThat(report.rows()).allSatisfy(r -> assertMoney(r.metrics().revenue(), "90.00"));
        assertMoney(report.totals().revenue(), "90.00");
        assertMoney(report.totals().orders(), "1.00");
    }

    @Test
    void clickTimeBooksCreditOnTheSessionsDayAndTheLookbackDropsLateConversions() {
        visit(session("s1", "p1", on(1, 9), META_SPRING));
        conversions.on(order("o1", "p1", on(20, 9), "70.00", null));
        AttributionScope firstDays = new AttributionScope(march(1), march(5), AttributionModel.LAST_TOUCH,
                AttributionMode.CONVERSION_TIME, null);

        BlendedReportView byConversion = reports.handle(new FindBlendedReport(firstDays, ReportGrouping.DAY));
        BlendedReportView byClick = reports.handle(new FindBlendedReport(withMode(firstDays, AttributionMode.CLICK_TIME, null),
                ReportGrouping.DAY));
        BlendedReportView withLookback = reports.handle(new FindBlendedReport(
                withMode(firstDays, AttributionMode.CLICK_TIME, 7), ReportGrouping.DAY));

        assertMoney(byConversion.totals().revenue(), "0.00");
        assertThat(byClick.rows()).singleElement().satisfies(r -> {
            assertThat(r.key().date()).isEqualTo(march(1));
            assertMoney(r.metrics().revenue(), "70.00");
        });
        assertMoney(withLookback.totals().revenue(), "0.00");
        assertThat(withLookback.totals().sessions()).isEqualTo(1);
    }

    @Test
    void directSessionsCountOnlyWhenTheyAreTheWholePath() {
        visit(session("s1", "p1", on(3, 9), EMAIL));
        visit(session("s2", "p1", on(4, 9), DIRECT));
        conversions.on(order("o1", "p1", on(4, 10), "10.00", "s2"));
        visit(session("s3", "p2", on(4, 9), DIRECT));
        conversions.on(order("o2", "p2", on(4, 10), "5.00", "s3"));

        BlendedReportView lastTouch = blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH);
        BlendedReportView direct = blended(ReportGrouping.CHANNEL, AttributionModel.DIRECT);

        assertMoney(channel(lastTouch, "Klaviyo").metrics().revenue(), "10.00");
        assertMoney(channel(lastTouch, "Direct").metrics().revenue(), "5.00");
        assertMoney(channel(direct, "Direct").metrics().revenue(), "15.00");
    }

    @Test
    void theLatestVersionOfAMetricDayWinsWhateverTheOrderAndRedelivery() {
        spend.on(metrics("meta", march(3), 2, row(march(3), AdPlatform.META, "111", "Spring Sale v2", "45.00", 10, 1)));
        spend.on(metrics("meta", march(3), 1, row(march(3), AdPlatform.META, "111", "Spring Sale", "40.00", 10, 1)));
        spend.on(metrics("meta", march(3), 2, row(march(3), AdPlatform.META, "111", "Spring Sale v2", "45.00", 10, 1)));
        spend.on(metrics("other", march(3), 1, row(march(3), AdPlatform.META, "112", "Other", "5.00", 10, 1)));

        BlendedReportView report = blended(ReportGrouping.CAMPAIGN, AttributionModel.LAST_TOUCH);

        assertMoney(report.totals().spend(), "50.00");
        assertThat(report.rows()).extracting(r -> r.key().campaign()).containsExactly("Spring Sale v2", "Other");
    }

    @Test
    void countsEachSessionAndConversionOnceWhenRedelivered() {
        SessionStarted started = session("s1", "p1", on(3, 9), META_SPRING);
        EventRecorded placed = order("o1", "p1", on(3, 10), "25.00", "s1");
        visit(started);
        visit(started);
        conversions.on(placed);
        conversions.on(placed);

        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH);

        assertThat(report.totals().sessions()).isEqualTo(1);
        assertMoney(report.totals().orders(), "1.00");
        assertMoney(report.totals().revenue(), "25.00");
    }

    @Test
    void explainsAConversionsTouchpointsAndCredit() {
        visit(session("s1", "p1", on(1, 9), META_SPRING));
        visit(session("s2", "p1", on(2, 9), DIRECT));
        visit(session("s3", "p1", on(3, 9), EMAIL));
        conversions.on(order("o1", "p1", on(3, 10), "100.00", "s3"));

        ConversionAttributionView view = reports.handle(new FindConversionAttribution("o1", AttributionModel.U_SHAPED));

        assertThat(view.touchpoints()).extracting(t -> t.sessionId(), t -> t.counted(), t -> t.credit().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", true, "0.5"),
                        org.assertj.core.groups.Tuple.tuple("s2", false, "0"),
                        org.assertj.core.groups.Tuple.tuple("s3", true, "0.5"));
        assertThat(view.credits()).extracting(c -> c.channel(), c -> c.revenue().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Meta Ads", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("Klaviyo", "50.00"));
        assertThat(view.touchpoints().get(2).convertingSession()).isTrue();
        assertThat(reports.handle(new FindConversionAttribution("unknown", AttributionModel.U_SHAPED))).isNull();
    }

    @Test
    void chartsAMetricPerChannelWithEveryDayOfTheRange() {
        visit(session("s1", "p1", on(2, 9), META_SPRING));
        conversions.on(order("o1", "p1", on(2, 10), "12.50", "s1"));
        spend.on(metrics("meta", march(3), 1, row(march(3), AdPlatform.META, "111", "Spring Sale", "5.00", 10, 1)));
        AttributionScope scope = new AttributionScope(march(1), march(3), AttributionModel.LAST_TOUCH,
                AttributionMode.CONVERSION_TIME, null);

        TimeseriesView revenue = reports.handle(new FindReportTimeseries(scope, ReportMetric.REVENUE,
                ReportGrouping.CHANNEL, ReportInterval.DAY));
        TimeseriesView roas = reports.handle(new FindReportTimeseries(scope, ReportMetric.ROAS,
                ReportGrouping.CHANNEL, ReportInterval.DAY));

        assertThat(revenue.series()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Meta Ads");
            assertThat(s.points()).extracting(p -> p.value().toPlainString()).containsExactly("0.00", "12.50", "0.00");
        });
        assertThat(roas.series().get(0).points()).extracting(p -> p.value() == null ? null : p.value().toPlainString())
                .containsExactly(null, null, "0.0000");
    }

    private static EventRecorded refund(String refundId, Map<String, Object> properties) {
        return recorded("Refunded Order", refundId, "p9", on(7, 9), null, properties);
    }

    private BigDecimal netRevenueOf(String orderEventId) {
        return reports.handle(new FindConversionAttribution(orderEventId, AttributionModel.LAST_TOUCH)).netRevenue();
    }

    @Test
    void aReclassifiedSessionMovesItsSessionAndRevenueToTheNewChannel() {
        visit(session("s1", "p1", on(3, 10), ORGANIC));
        conversions.on(order("o1", "p1", on(3, 11), "120.00", "s1"));
        visit(session("s2", "p2", on(3, 12), ORGANIC));
        SessionReclassified toPartner = new SessionReclassified("s1", "p1", on(3, 10), "Organic Search", "Google",
                null, null, null, "Affiliates", "Partner Co", "deal", null, null, 2);

        conversions.on(toPartner);
        traffic.on(toPartner);
        traffic.on(toPartner);

        BlendedReportView report = blended(ReportGrouping.CHANNEL, AttributionModel.LAST_TOUCH);
        assertMoney(channel(report, "Partner Co").metrics().revenue(), "120.00");
        assertThat(channel(report, "Partner Co").metrics().sessions()).as("counted once, redelivered or not")
                .isEqualTo(1);
        assertMoney(channel(report, "Google").metrics().revenue(), "0.00");
        assertThat(channel(report, "Google").metrics().sessions()).isEqualTo(1);
        assertThat(report.totals().sessions()).isEqualTo(2);
    }

    private void visit(SessionStarted started) {
        conversions.on(started);
        traffic.on(started);
    }

    private BlendedReportView blended(ReportGrouping groupBy, AttributionModel model) {
        return reports.handle(new FindBlendedReport(new AttributionScope(march(1), march(31), model,
                AttributionMode.CONVERSION_TIME, null), groupBy));
    }

    private static AttributionScope withMode(AttributionScope scope, AttributionMode mode, Integer lookbackDays) {
        return new AttributionScope(scope.from(), scope.to(), scope.model(), mode, lookbackDays);
    }

    private static BlendedRow channel(BlendedReportView report, String channel) {
        return report.rows().stream().filter(r -> channel.equals(r.key().channel())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + channel + " in " + report.rows()));
    }

    private static void assertMoney(BigDecimal actual, String expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.toPlainString()).isEqualTo(expected);
    }
}
