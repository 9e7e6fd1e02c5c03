package io.tributary.query.attribution;

import io.tributary.api.report.AttributionModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one conversion adds to the credit roll-ups (conversion_time mode): its day, per model the unrounded credit per
 * touch (summed over the touch's credits), the conversion counted once, and its currency when it is not the reporting
 * one. The same arithmetic as the query-time report ({@link Measures#addConversion}), so that the sums are equal.
 */
record CreditLedger(LocalDate day, Map<AttributionModel, Map<Touch, Measures>> credit, Measures once,
                    String otherCurrency, BigDecimal otherCurrencyRevenue) {

    static CreditLedger of(ConversionJourneys.Journey journey, AttributionRules rules) {
        Map<AttributionModel, Map<Touch, Measures>> credit = new EnumMap<>(AttributionModel.class);
        for (AttributionModel model : AttributionModel.values()) {
            Map<Touch, Measures> byTouch = new LinkedHashMap<>();
            for (Credit c : rules.credit(journey.path(), model)) {
                byTouch.computeIfAbsent(c.touch(), t -> new Measures()).addConversion(journey.value(), c.share());
            }
            credit.put(model, byTouch);
        }
        Measures once = new Measures();
        once.addConversion(journey.value(), BigDecimal.ONE);
        ConversionValue value = journey.value();
        String other = value.inReportingCurrency() ? null
                : value.currency() == null ? "" : value.currency().trim().toUpperCase(Locale.ROOT);
        return new CreditLedger(ConversionRepository.dayOf(journey.conversion().convertedAt()), credit, once, other,
                other == null ? null : value.revenue());
    }
}
