package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.FindRestatements;
import io.tributary.api.report.ReportKey;
import io.tributary.api.report.RestatedValues;
import io.tributary.api.report.RestatementCause;
import io.tributary.api.report.RestatementView;
import io.tributary.api.report.RestatementsView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/**
 * Answers "why did this day's figures change?" from the restatement log: each entry under its row of the asked
 * grouping (ad entities matched as in the reports), the changed cells of one event summed per row.
 */
public class RestatementQueryHandler {

    private static final Comparator<RestatementView> OLDEST_FIRST = Comparator.comparing(RestatementView::day)
            .thenComparing(v -> v.model() == null ? "" : v.model().wireName())
            .thenComparing(RestatementView::label).thenComparing(v -> v.cause().wireName())
            .thenComparing(RestatementView::eventId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final RestatementLog log;
    private final SpendRepository spend;

    public RestatementQueryHandler(MongoDatabase database) {
        this.log = new RestatementLog(database);
        this.spend = new SpendRepository(database);
    }

    @QueryHandler
    public RestatementsView handle(FindRestatements query) {
        AdCatalog catalog = new AdCatalog(spend.entities());
        Map<List<Object>, Sum> rows = new LinkedHashMap<>();
        for (Document entry : log.between(query.from(), query.to())) {
            String model = entry.getString("model");
            if (query.model() != null && model != null && !model.equals(query.model().wireName())) {
                continue;
            }
            LocalDate day = LocalDate.parse(entry.getString("day"));
            Document touch = entry.get("touch", Document.class);
            ReportDims dims = touch != null ? catalog.resolve(TouchDocuments.touchOf(touch))
                    : catalog.dimsOf(rowKeyOf(entry.get("row", Document.class)));
            ReportKey key = ReportKeys.keyOf(new FactKey(day, dims), query.groupBy());
            rows.computeIfAbsent(List.of(day, Objects.toString(model, ""), key, entry.getString("cause"),
                    Objects.toString(entry.getString("eventId"), "")), k -> new Sum(day, model, key,
                    RestatementCause.fromWire(entry.getString("cause")), entry.getString("eventId"), touch != null))
                    .add(entry.get("before", Document.class), entry.get("after", Document.class));
        }
        List<RestatementView> views = new ArrayList<>(rows.values().stream().map(Sum::view).toList());
        views.sort(OLDEST_FIRST);
        return new RestatementsView(query.from(), query.to(), query.model(), query.groupBy(),
                views.stream().map(RestatementView::day).distinct().sorted().toList(), views);
    }

    private static MetricRow rowKeyOf(Document row) {
        String platform = row.getString("platform");
        return new MetricRow(null, platform == null ? null : AdPlatform.fromWire(platform), null,
                row.getString("campaignId"), row.getString("campaignName"), row.getString("adSetId"),
                row.getString("adSetName"), row.getString("adId"), row.getString("adName"), null, 0, 0, null, null,
                null);
    }

    /** The before and after of the cells one event changed under one row. */
    private static final class Sum {
        private final LocalDate day;
        private final String model;
        private final ReportKey key;
        private final RestatementCause cause;
        private final String eventId;
        private final boolean credit;
        private final Measures creditBefore = new Measures();
        private final Measures creditAfter = new Measures();
        private final long[] adBefore = new long[2];
        private final long[] adAfter = new long[2];
        private BigDecimal spendBefore = BigDecimal.ZERO;
        private BigDecimal spendAfter = BigDecimal.ZERO;

        Sum(LocalDate day, String model, ReportKey key, RestatementCause cause, String eventId, boolean credit) {
            this.day = day;
            this.model = model;
            this.key = key;
            this.cause = cause;
            this.eventId = eventId;
            this.credit = credit;
        }

        void add(Document before, Document after) {
            if (credit) {
                creditBefore.add(RollupDocuments.measuresOf(before));
                creditAfter.add(RollupDocuments.measuresOf(after));
                return;
            }
            spendBefore = spendBefore.add(RollupDocuments.decimal(before, "spend"));
            spendAfter = spendAfter.add(RollupDocuments.decimal(after, "spend"));
            adBefore[0] += ((Number) before.get("impressions")).longValue();
            adBefore[1] += ((Number) before.get("clicks")).longValue();
            adAfter[0] += ((Number) after.get("impressions")).longValue();
            adAfter[1] += ((Number) after.get("clicks")).longValue();
        }

        RestatementView view() {
            return new RestatementView(day, model == null ? null : AttributionModel.fromWire(model), key,
                    ReportKeys.labelOf(key), cause, eventId,
                    credit ? creditValues(creditBefore) : adValues(spendBefore, adBefore),
                    credit ? creditValues(creditAfter) : adValues(spendAfter, adAfter));
        }

        private static RestatedValues creditValues(Measures m) {
            return new RestatedValues(Rounding.money(m.orders), Rounding.money(m.revenue), Rounding.money(m.netRevenue),
                    Rounding.money(m.newCustomerOrders), null, null, null);
        }

        private static RestatedValues adValues(BigDecimal spend, long[] counts) {
            return new RestatedValues(null, null, null, null, Rounding.money(spend), counts[0], counts[1]);
        }
    }
}
