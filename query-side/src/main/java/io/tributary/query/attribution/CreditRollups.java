package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.report.AttributionModel;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

import io.tributary.query.support.DocumentBatch;

/**
 * Re-credits the conversions a batch touched and moves the roll-ups of their days by the difference; see
 * {@link CreditRollupProjection}. Writes go restatements first, day documents next, ledgers last, so that a crash in
 * between leaves a ledger that still differs, and the redelivered batch settles it again (the day documents are
 * always summed from the ledgers, so settling twice changes nothing).
 */
final class CreditRollups {

    private final MongoDatabase database;
    private final AttributionSettings settings;
    private final AttributionRules rules;
    private final ConversionRepository conversions;
    private final ConversionJourneys journeys;
    private final CreditRollupRepository repository;

    CreditRollups(MongoDatabase database, AttributionSettings settings, String statePrefix) {
        this.database = database;
        this.settings = settings;
        this.rules = settings.rules();
        this.conversions = new ConversionRepository(database, statePrefix);
        this.journeys = new ConversionJourneys(conversions, settings.currency());
        this.repository = new CreditRollupRepository(database);
    }

    boolean isConversion(String eventName) {
        return eventName != null && settings.conversionEvents().contains(eventName);
    }

    boolean isCancel(String eventName) {
        return eventName != null && settings.cancelEvents().contains(eventName);
    }

    boolean isRefund(String eventName) {
        return eventName != null && settings.refundEvents().contains(eventName);
    }

    void settle(Touched touched) {
        Map<String, Touched.Cause> causes = causesOf(touched);
        Set<String> affected = new LinkedHashSet<>(touched.conversions);
        affected.addAll(causes.keySet());
        if (affected.isEmpty()) {
            return;
        }
        Map<String, Document> before = repository.ledgers(affected);
        Map<String, Document> changed = new LinkedHashMap<>();
        for (ConversionJourneys.Journey journey : journeys.of(conversions.withIds(affected))) {
            String id = journey.conversion().recordId();
            Document ledger = CreditRollupRepository.toDocument(id, CreditLedger.of(journey, rules));
            if (!ledger.equals(before.get(id))) {
                changed.put(id, ledger);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        DocumentBatch restatements = new DocumentBatch(database);
        DocumentBatch days = new DocumentBatch(database);
        DocumentBatch ledgers = new DocumentBatch(database);
        Set<LocalDate> dates = new LinkedHashSet<>();
        changed.values().forEach(l -> dates.add(LocalDate.parse(l.getString("day"))));
        for (LocalDate date : dates) {
            Map<String, Document> ofDay = new LinkedHashMap<>(repository.ledgers(conversions.idsConvertedOn(date)));
            changed.forEach((id, ledger) -> {
                if (ledger.getString("day").equals(date.toString())) {
                    ofDay.put(id, ledger);
                }
            });
            Map<AttributionModel, Document> summed = CreditRollupRepository.summed(date,
                    ofDay.values().stream().sorted(Comparator.comparing(d -> d.getString("_id"))).toList());
            Map<AttributionModel, Document> stored = repository.allModelsOn(date);
            summed.forEach((model, day) -> {
                if (!day.equals(stored.get(model))) {
                    CreditRollupRepository.daysIn(days).replace(day);
                }
            });
            changed.forEach((id, ledger) -> {
                Touched.Cause cause = causes.get(id);
                if (cause != null && before.containsKey(id) && !touched.conversions.contains(id)
                        && ledger.getString("day").equals(date.toString())) {
                    log(restatements, date, before.get(id), ledger, stored, summed, cause);
                }
            });
        }
        changed.values().forEach(CreditRollupRepository.ledgersIn(ledgers)::replace);
        restatements.write();
        days.write();
        ledgers.write();
    }

    /** Per conversion a touched profile or order has, the cause that touched it (the later one when several did). */
    private Map<String, Touched.Cause> causesOf(Touched touched) {
        Map<String, Touched.Cause> causes = new LinkedHashMap<>();
        if (!touched.profiles.isEmpty()) {
            Map<String, String> survivors = conversions.survivorsOf(touched.profiles.keySet());
            Map<String, List<String>> byProfile = conversions.conversionIdsByProfile(
                    new HashSet<>(survivors.values().stream().filter(Objects::nonNull).toList()));
            touched.profiles.forEach((profile, cause) -> byProfile.getOrDefault(survivors.get(profile), List.of())
                    .forEach(id -> causes.put(id, cause)));
        }
        if (!touched.orders.isEmpty()) {
            Map<String, List<String>> byOrder = conversions.conversionIdsByOrder(touched.orders.keySet());
            touched.orders.forEach((order, cause) -> byOrder.getOrDefault(order, List.of())
                    .forEach(id -> causes.put(id, cause)));
        }
        return causes;
    }

    /** One entry per model and touch whose credit from this conversion changed: the day's cell before and after. */
    private static void log(DocumentBatch restatements, LocalDate date, Document before, Document after,
                            Map<AttributionModel, Document> storedDays, Map<AttributionModel, Document> summedDays,
                            Touched.Cause cause) {
        for (AttributionModel model : AttributionModel.values()) {
            Map<Touch, Measures> was = RollupDocuments.cellsOf(before.get("models", Document.class), model.wireName());
            Map<Touch, Measures> is = RollupDocuments.cellsOf(after.get("models", Document.class), model.wireName());
            Set<Touch> touches = new LinkedHashSet<>(was.keySet());
            touches.addAll(is.keySet());
            Map<Touch, Measures> dayBefore = RollupDocuments.cellsOf(storedDays.get(model), "cells");
            Map<Touch, Measures> dayAfter = RollupDocuments.cellsOf(summedDays.get(model), "cells");
            for (Touch touch : touches) {
                if (!RollupDocuments.measures(was.getOrDefault(touch, new Measures()))
                        .equals(RollupDocuments.measures(is.getOrDefault(touch, new Measures())))) {
                    RestatementLog.in(restatements).replace(RestatementLog.creditChange(date, model, touch,
                            dayBefore.getOrDefault(touch, new Measures()), dayAfter.getOrDefault(touch, new Measures()),
                            cause.cause(), cause.eventId()));
                }
            }
        }
    }

    void clear() {
        repository.clear();
    }
}
