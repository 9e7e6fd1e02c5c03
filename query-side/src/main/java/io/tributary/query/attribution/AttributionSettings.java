package io.tributary.query.attribution;

import java.time.Duration;
import java.util.Set;

/**
 * How conversions are recognised and credited.
 *
 * @param conversionEvents tracked-event names that are conversions (read when projecting: a change needs a rebuild)
 * @param cancelEvents     names that cancel the order they refer to (net revenue 0)
 * @param refundEvents     names that refund (part of) the order they refer to
 * @param currency         the reporting currency; money in others is counted and listed apart, never summed
 * @param window           how long before a conversion its touchpoints may have started
 * @param halfLife         the time_decay half-life
 */
public record AttributionSettings(Set<String> conversionEvents, Set<String> cancelEvents, Set<String> refundEvents,
                                  String currency, Duration window, Duration halfLife) {

    public AttributionSettings {
        conversionEvents = Set.copyOf(conversionEvents);
        cancelEvents = Set.copyOf(cancelEvents);
        refundEvents = Set.copyOf(refundEvents);
    }

    public static AttributionSettings defaults() {
        return new AttributionSettings(Set.of("Placed Order"), Set.of("Cancelled Order"), Set.of("Refunded Order"),
                "EUR", Duration.ofDays(30), Duration.ofDays(7));
    }

    public AttributionRules rules() {
        return new AttributionRules(window, halfLife);
    }
}
