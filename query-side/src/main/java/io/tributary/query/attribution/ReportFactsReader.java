package io.tributary.query.attribution;

import io.tributary.api.report.AttributionMode;
import io.tributary.api.report.AttributionScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

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
    private final CreditRollupRepository rollups;

    ReportFactsReader(ConversionRepository conversions, TrafficRepository traffic, SpendRepository spend,
                      CreditRollupRepository rollups, AttributionSettings settings) {
        this.rollups = rollups;
        this.conversions = conversions;
        this.traffic = traffic;
        this.spend = spend;
        this.settings = settings;
        this.rules = settings.rules();
        this.journeys = new ConversionJourneys(conversions, settings.currency());
    }

    /** Whether the credit roll-ups can answer this scope: conversion_time mode (credit on the conversion's day). */
    static boolean rollupsCover(AttributionScope scope) {
        return scope.mode() == AttributionMode.CONVERSION_TIME;
    }

    /** The facts with the credit added up from the day documents of the roll-ups: the cost of the days in range. */
    ReportFacts readRolledUp(AttributionScope scope) {
        List<LocalDate> days = datesBetween(scope.from(), scope.to());
        AdCatalog catalog = new AdCatalog(spend.entities());
        ReportFacts facts = firstPartyAndAdFacts(days, catalog);
        rollups.daysOf(scope.model(), days).forEach((date, day) -> {
            RollupDocuments.cellsOf(day, "cells").forEach((touch, credit) ->
                    facts.addCredit(date, catalog.resolve(touch), credit));
            Map<String, BigDecimal[]> others = new TreeMap<>();
            day.get("others", Document.class).forEach((code, tally) -> others.put(code, new BigDecimal[] {
                    RollupDocuments.decimal((Document) tally, "orders"),
                    RollupDocuments.decimal((Document) tally, "revenue")}));
            facts.countConversions(RollupDocuments.measuresOf(day.get("once", Document.class)), others);
        });
        return facts;
    }

    ReportFacts read(AttributionScope scope) {
        List<LocalDate> days = datesBetween(scope.from(), scope.to());
        AdCatalog catalog = new AdCatalog(spend.entities());
        ReportFacts facts = firstPartyAndAdFacts(days, catalog);
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

    private ReportFacts firstPartyAndAdFacts(List<LocalDate> days, AdCatalog catalog) {
        ReportFacts facts = new ReportFacts(settings.currency());
        traffic.on(days).forEach(b -> facts.addSessions(b.date(), catalog.resolve(b.touch()), b.sessions()));
        spend.rowsOn(days).forEach(row -> facts.addSpend(row.date(), catalog.dimsOf(row), row));
        return facts;
    }

    static List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
