package io.tributary.query.attribution;

import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the facts of a report from the three read models: sessions and spend of the days in range, and the
 * conversions whose credit can fall in range (in click_time mode, those up to one window after it), credited under
 * the scope's model and joined to ad entities.
 */
final class ReportFactsReader {

    private final ConversionRepository conversions;
    private final TrafficRepository traffic;
    private final SpendRepository spend;
    private final AttributionSettings settings;
    private final AttributionRules rules;
    private final ConversionJourneys journeys;

    ReportFactsReader(ConversionRepository conversions, TrafficRepository traffic, SpendRepository spend,
                      AttributionSettings settings) {
        this.conversions = conversions;
        this.traffic = traffic;
        this.spend = spend;
        this.settings = settings;
        this.rules = settings.rules();
        this.journeys = new ConversionJourneys(conversions, settings.currency());
    }

    ReportFacts read(AttributionScope scope) {
        ReportFacts facts = new ReportFacts(settings.currency());
        AdCatalog catalog = new AdCatalog(spend.entities());
        List<LocalDate> days = datesBetween(scope.from(), scope.to());
        traffic.on(days).forEach(b -> facts.addSessions(b.date(), catalog.resolve(b.touch()), b.sessions()));
        spend.rowsOn(days).forEach(row -> facts.addSpend(row.date(), catalog.dimsOf(row), row));
        boolean clickTime = scope.mode() == AttributionMode.CLICK_TIME;
        LocalDate lastConversionDay = clickTime ? scope.to().plusDays(settings.window().toDays() + 1) : scope.to();
        Duration lookback = clickTime && scope.lookbackDays() != null ? Duration.ofDays(scope.lookbackDays()) : null;
        for (ConversionJourneys.Journey journey : journeys.of(conversions.convertedOn(datesBetween(scope.from(), lastConversionDay)))) {
            Instant convertedAt = journey.conversion().convertedAt();
            boolean counted = false;
            for (Credit credit : rules.credit(journey.path(), scope.model())) {
                Instant bookedAt = clickTime ? credit.clickTime(convertedAt) : convertedAt;
                LocalDate day = ConversionRepository.dayOf(bookedAt);
                boolean beyondLookback = lookback != null
                        && Duration.between(bookedAt, convertedAt).compareTo(lookback) > 0;
                if (day.isBefore(scope.from()) || day.isAfter(scope.to()) || beyondLookback) {
                    continue;
                }
                facts.addCredit(day, catalog.resolve(credit.touch()), journey.value(), credit.share());
                counted = true;
            }
            if (counted) {
                facts.countConversion(journey.value());
            }
        }
        return facts;
    }

    static List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
