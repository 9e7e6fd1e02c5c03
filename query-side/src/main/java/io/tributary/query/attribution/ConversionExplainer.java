package io.tributary.query.attribution;

import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.ConversionAttributionView;
import io.tributary.api.report.CreditView;
import io.tributary.api.report.TouchpointView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "Explain this number": one conversion's touchpoints and the credit each target got under a model. */
final class ConversionExplainer {

    private final ConversionRepository conversions;
    private final ConversionJourneys journeys;
    private final AttributionRules rules;

    ConversionExplainer(ConversionRepository conversions, AttributionSettings settings) {
        this.conversions = conversions;
        this.journeys = new ConversionJourneys(conversions, settings.currency());
        this.rules = settings.rules();
    }

    /** Null when no conversion has this event id; the earliest one when several conversion names share it. */
    ConversionAttributionView explain(String eventId, AttributionModel model) {
        StoredConversion conversion = conversions.withEventId(eventId).stream()
                .min(Comparator.comparing(StoredConversion::convertedAt)).orElse(null);
        if (conversion == null) {
            return null;
        }
        ConversionJourneys.Journey journey = journeys.of(List.of(conversion)).get(0);
        ConversionPath path = journey.path();
        List<Touchpoint> inWindow = new ArrayList<>(rules.inWindow(path));
        Set<Touchpoint> counted = Set.copyOf(rules.counted(inWindow));
        List<Credit> credits = rules.credit(path, model);
        Map<String, BigDecimal> shares = new HashMap<>();
        for (Credit credit : credits) {
            if (credit.touchpoint() != null) {
                shares.merge(credit.touchpoint().sessionId(), credit.share(), BigDecimal::add);
                if (!inWindow.contains(credit.touchpoint())) {
                    inWindow.add(credit.touchpoint());
                }
            }
        }
        List<TouchpointView> touchpoints = inWindow.stream().map(t -> new TouchpointView(t.sessionId(), t.startedAt(),
                t.touch().channelGroup(), t.touch().channel(), t.touch().campaign(), t.touch().adSet(), t.touch().ad(),
                t.touch().isPaid(), counted.contains(t), t.sessionId().equals(path.convertingSessionId()),
                shares.getOrDefault(t.sessionId(), BigDecimal.ZERO))).toList();
        ConversionValue value = journey.value();
        Instant convertedAt = conversion.convertedAt();
        List<CreditView> creditViews = credits.stream().map(c -> new CreditView(
                c.touchpoint() == null ? null : c.touchpoint().sessionId(), c.source().wireName(),
                c.touch().channelGroup(), c.touch().channel(), c.touch().campaign(), c.touch().adSet(), c.touch().ad(),
                c.share(), Rounding.money(value.revenue().multiply(c.share())),
                ConversionRepository.dayOf(c.clickTime(convertedAt)))).toList();
        return new ConversionAttributionView(conversion.eventId(), conversion.eventName(), journey.profileId(),
                convertedAt, conversion.revenue(), Rounding.money(value.netRevenue()), conversion.currency(),
                conversion.newCustomer(), conversion.sessionId(), model, rules.window().toDays(), touchpoints,
                creditViews);
    }
}
