package io.tributary.query.attribution;

import io.tributary.api.report.AttributionModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

/**
 * One model's credit roll-up of one UTC day, as the sum of the ledgers of the day's conversions, moved by a ledger at a
 * time: {@link #add} with {@code +1} when a ledger is counted, {@code -1} when it is taken back. Each cell counts the
 * ledgers that credit its touch ({@code n}) and goes when none does, so that a day reached by any sequence of moves is
 * the document the same ledgers summed at once would give: cells in touch order, decimals without trailing zeros.
 */
final class CreditDay {

    private static final Comparator<Touch> TOUCH_ORDER = Comparator
            .comparing(Touch::channelGroup, nullsFirst(naturalOrder()))
            .thenComparing(Touch::channel, nullsFirst(naturalOrder()))
            .thenComparing(Touch::campaign, nullsFirst(naturalOrder()))
            .thenComparing(Touch::adSet, nullsFirst(naturalOrder()))
            .thenComparing(Touch::ad, nullsFirst(naturalOrder()));

    private static final class Cell {
        final Measures measures = new Measures();
        long ledgers;
    }

    private final AttributionModel model;
    private final LocalDate day;
    private final Map<Touch, Cell> cells = new TreeMap<>(TOUCH_ORDER);
    private final Measures once = new Measures();
    private long conversions;
    private final Map<String, BigDecimal[]> others = new TreeMap<>();

    private CreditDay(AttributionModel model, LocalDate day) {
        this.model = model;
        this.day = day;
    }

    static CreditDay empty(AttributionModel model, LocalDate day) {
        return new CreditDay(model, day);
    }

    /** The stored day document as a starting point; null when it was written without ledger counts. */
    static CreditDay of(AttributionModel model, LocalDate day, Document stored) {
        CreditDay credit = new CreditDay(model, day);
        if (stored == null) {
            return credit;
        }
        if (stored.get("conversions") == null) {
            return null;
        }
        credit.conversions = ((Number) stored.get("conversions")).longValue();
        for (Document cell : stored.getList("cells", Document.class, List.of())) {
            if (cell.get("n") == null) {
                return null;
            }
            Cell kept = credit.cells.computeIfAbsent(TouchDocuments.touchOf(cell.get("touch", Document.class)),
                    t -> new Cell());
            kept.measures.add(RollupDocuments.measuresOf(cell.get("m", Document.class)));
            kept.ledgers = ((Number) cell.get("n")).longValue();
        }
        credit.once.add(RollupDocuments.measuresOf(stored.get("once", Document.class)));
        stored.get("others", new Document()).forEach((code, tally) -> credit.others.put(code, new BigDecimal[] {
                RollupDocuments.decimal((Document) tally, "orders"),
                RollupDocuments.decimal((Document) tally, "revenue")}));
        return credit;
    }

    /** Counts a ledger ({@code sign} 1) or takes it back ({@code sign} -1). */
    void add(Document ledger, int sign) {
        conversions += sign;
        once.add(RollupDocuments.signed(RollupDocuments.measuresOf(ledger.get("once", Document.class)), sign));
        String currency = ledger.getString("otherCurrency");
        if (currency != null) {
            BigDecimal[] tally = others.computeIfAbsent(currency, c -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            tally[0] = tally[0].add(BigDecimal.valueOf(sign));
            tally[1] = tally[1].add(RollupDocuments.decimal(ledger, "otherCurrencyRevenue")
                    .multiply(BigDecimal.valueOf(sign)));
            if (tally[0].signum() == 0) {
                others.remove(currency);
            }
        }
        RollupDocuments.cellsOf(ledger.get("models", Document.class), model.wireName()).forEach((touch, m) -> {
            Cell cell = cells.computeIfAbsent(touch, t -> new Cell());
            cell.measures.add(RollupDocuments.signed(m, sign));
            cell.ledgers += sign;
            if (cell.ledgers == 0) {
                cells.remove(touch);
            }
        });
    }

    /** The cells of the day, in touch order. */
    Map<Touch, Measures> cells() {
        Map<Touch, Measures> byTouch = new TreeMap<>(TOUCH_ORDER);
        cells.forEach((touch, cell) -> byTouch.put(touch, cell.measures));
        return byTouch;
    }

    Document toDocument() {
        Document othersDocument = new Document();
        others.forEach((code, t) -> othersDocument.append(code,
                new Document("orders", RollupDocuments.canonicalText(t[0]))
                        .append("revenue", RollupDocuments.canonicalText(t[1]))));
        List<Document> cellDocuments = cells.entrySet().stream().map(e -> new Document("touch",
                TouchDocuments.toDocument(e.getKey()))
                .append("m", RollupDocuments.canonicalMeasures(e.getValue().measures))
                .append("n", e.getValue().ledgers)).toList();
        return new Document("_id", CreditRollupRepository.dayId(model, day)).append("model", model.wireName())
                .append("day", day.toString()).append("conversions", conversions).append("cells", cellDocuments)
                .append("once", RollupDocuments.canonicalMeasures(once)).append("others", othersDocument);
    }
}
