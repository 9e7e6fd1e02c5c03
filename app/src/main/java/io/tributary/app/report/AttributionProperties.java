package io.tributary.app.report;

import io.tributary.query.attribution.AttributionSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attribution and report settings ({@code tributary.attribution.*}), with their defaults.
 *
 * @param conversionEvents tracked-event names counted as conversions; a change takes effect after a rebuild of
 *                         the {@code attribution-conversions} projection
 * @param cancelEvents     names that cancel the order they refer to
 * @param refundEvents     names that refund (part of) the order they refer to
 * @param currency         the reporting currency (ISO 4217)
 * @param window           the attribution window: how long before a conversion a touchpoint may have started
 * @param halfLife         the time_decay half-life
 * @param maxRangeDays     the longest from..to range a report accepts
 */
@ConfigurationProperties("tributary.attribution")
public record AttributionProperties(List<String> conversionEvents, List<String> cancelEvents,
                                    List<String> refundEvents, String currency, Duration window, Duration halfLife,
                                    Integer maxRangeDays) {

    public AttributionProperties {
        AttributionSettings defaults = AttributionSettings.defaults();
        conversionEvents = conversionEvents == null ? List.copyOf(defaults.conversionEvents()) : conversionEvents;
        cancelEvents = cancelEvents == null ? List.copyOf(defaults.cancelEvents()) : cancelEvents;
        refundEvents = refundEvents == null ? List.copyOf(defaults.refundEvents()) : refundEvents;
        currency = currency == null || currency.isBlank() ? defaults.currency() : currency.trim();
        window = window == null ? defaults.window() : window;
        halfLife = halfLife == null ? defaults.halfLife() : halfLife;
        maxRangeDays = maxRangeDays == null ? 400 : maxRangeDays;
    }

    public AttributionSettings settings() {
        return new AttributionSettings(new HashSet<>(conversionEvents), new HashSet<>(cancelEvents),
                new HashSet<>(refundEvents), currency, window, halfLife);
    }
}
