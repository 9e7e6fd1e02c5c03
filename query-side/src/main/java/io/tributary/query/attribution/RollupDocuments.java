package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/**
 * Roll-up cells as BSON: a touch with the conversion columns of {@link Measures}, money and shares as decimal strings
 * (exact, whatever their precision; Decimal128 would refuse some unrounded products).
 */
final class RollupDocuments {

    private static final String[] COLUMNS = {"orders", "revenue", "netRevenue", "newCustomerOrders",
            "otherCurrencyOrders"};

    private RollupDocuments() {
    }

    static Document measures(Measures m) {
        return measures(m, RollupDocuments::text);
    }

    /** The columns without trailing zeros, so that equal sums reached by different additions are equal documents. */
    static Document canonicalMeasures(Measures m) {
        return measures(m, RollupDocuments::canonicalText);
    }

    private static Document measures(Measures m, Function<BigDecimal, String> text) {
        return new Document("orders", text.apply(m.orders)).append("revenue", text.apply(m.revenue))
                .append("netRevenue", text.apply(m.netRevenue))
                .append("newCustomerOrders", text.apply(m.newCustomerOrders))
                .append("otherCurrencyOrders", text.apply(m.otherCurrencyOrders));
    }

    /** The conversion columns of {@code m}, negated when {@code sign} is negative. */
    static Measures signed(Measures m, int sign) {
        if (sign > 0) {
            return m;
        }
        Measures negated = new Measures();
        negated.orders = m.orders.negate();
        negated.revenue = m.revenue.negate();
        negated.netRevenue = m.netRevenue.negate();
        negated.newCustomerOrders = m.newCustomerOrders.negate();
        negated.otherCurrencyOrders = m.otherCurrencyOrders.negate();
        return negated;
    }

    static Measures measuresOf(Document d) {
        Measures m = new Measures();
        if (d == null) {
            return m;
        }
        m.orders = decimal(d, COLUMNS[0]);
        m.revenue = decimal(d, COLUMNS[1]);
        m.netRevenue = decimal(d, COLUMNS[2]);
        m.newCustomerOrders = decimal(d, COLUMNS[3]);
        m.otherCurrencyOrders = decimal(d, COLUMNS[4]);
        return m;
    }

    static List<Document> cells(Map<Touch, Measures> byTouch) {
        List<Document> cells = new ArrayList<>();
        byTouch.forEach((touch, m) -> cells.add(new Document("touch", TouchDocuments.toDocument(touch))
                .append("m", measures(m))));
        return cells;
    }

    static Map<Touch, Measures> cellsOf(Document holder, String field) {
        Map<Touch, Measures> byTouch = new LinkedHashMap<>();
        if (holder != null) {
            holder.getList(field, Document.class, List.of()).forEach(cell -> byTouch.put(
                    TouchDocuments.touchOf(cell.get("touch", Document.class)), measuresOf(cell.get("m", Document.class))));
        }
        return byTouch;
    }

    static String text(BigDecimal value) {
        return value.toString();
    }

    static String canonicalText(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static BigDecimal decimal(Document d, String field) {
        String value = d.getString(field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
