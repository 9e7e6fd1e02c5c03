package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.report.AttributionModel;
import io.tributary.query.support.DocumentBatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Re-credits the conversions a batch touched and moves the day documents of their days by the difference between each
 * changed ledger as it was counted and as it is now ({@link CreditDay}); see {@link CreditRollupProjection}. The cost
 * of a batch grows with the conversions it changes, not with those of their days.
 * <p>
 * <b>Exact after a crash, without transactions.</b> Each batch that changes a ledger is numbered and written in this
 * order: its restatements, the open batch (its number and every changed ledger before and after), the day documents
 * (each with the number of the batch that last moved it), the ledgers, the closed batch. A crash before the open batch
 * leaves every ledger as it was, so the redelivered batch finds the same differences; after it, the next batch that
 * touches a conversion first moves the day documents that did not take the open batch in and writes its ledgers, then
 * finds nothing left to move.
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
        long number = closeUnfinishedBatch() + 1;
        Map<String, Document> before = repository.ledgers(affected);
        List<Change> changes = new ArrayList<>();
        for (ConversionJourneys.Journey journey : journeys.of(conversions.withIds(affected))) {
            String id = journey.conversion().recordId();
            Document ledger = CreditRollupRepository.toDocument(id, CreditLedger.of(journey, rules));
            if (!ledger.equals(before.get(id))) {
                changes.add(new Change(id, before.get(id), ledger));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        Map<LocalDate, Map<AttributionModel, Document>> stored = new LinkedHashMap<>();
        Map<LocalDate, Map<AttributionModel, CreditDay>> moved = moved(changes, stored, number);
        DocumentBatch restatements = new DocumentBatch(database);
        for (Change change : changes) {
            Touched.Cause cause = causes.get(change.id);
            LocalDate date = change.after.day();
            if (cause != null && change.before != null && !touched.conversions.contains(change.id)
                    && change.before.day().equals(date)) {
                log(restatements, date, change, stored.get(date), moved.get(date), cause);
            }
        }
        restatements.write();
        repository.open(number, changes.stream().map(Change::toDocument).toList());
        write(moved, changes, number);
    }

    /** A conversion's ledger as it was counted (null: not yet) and as it is now. */
    private record Change(String id, Ledger before, Ledger after) {

        Change(String id, Document before, Document after) {
            this(id, before == null ? null : new Ledger(before), new Ledger(after));
        }

        static Change of(Document stored) {
            return new Change(stored.getString("id"), stored.get("before", Document.class),
                    stored.get("after", Document.class));
        }

        Document toDocument() {
            return new Document("id", id).append("before", before == null ? null : before.document)
                    .append("after", after.document);
        }
    }

    private record Ledger(Document document) {

        LocalDate day() {
            return LocalDate.parse(document.getString("day"));
        }
    }

    /**
     * Finishes the last batch if it was opened and not closed (a crash between its writes): the day documents that did
     * not take it in are moved by its changes, and its ledgers written. The number of the last batch closed.
     */
    private long closeUnfinishedBatch() {
        CreditRollupRepository.Batches batches = repository.batches();
        Document open = batches.open();
        long number = open == null ? 0 : ((Number) open.get("number")).longValue();
        if (number <= batches.lastClosed()) {
            return batches.lastClosed();
        }
        List<Change> changes = open.getList("changes", Document.class).stream().map(Change::of).toList();
        write(moved(changes, new LinkedHashMap<>(), number), changes, number);
        return number;
    }

    /**
     * The day documents of every model on the days these changes move, moved by them (the stored ones in
     * {@code stored}); those that already took batch {@code number} in are left out.
     */
    private Map<LocalDate, Map<AttributionModel, CreditDay>> moved(List<Change> changes,
            Map<LocalDate, Map<AttributionModel, Document>> stored, long number) {
        Set<LocalDate> dates = new TreeSet<>();
        changes.forEach(c -> {
            dates.add(c.after.day());
            if (c.before != null) {
                dates.add(c.before.day());
            }
        });
        Map<LocalDate, Map<AttributionModel, CreditDay>> moved = new LinkedHashMap<>();
        for (LocalDate date : dates) {
            stored.put(date, repository.allModelsOn(date));
            Map<AttributionModel, CreditDay> ofDate = new EnumMap<>(AttributionModel.class);
            for (AttributionModel model : AttributionModel.values()) {
                Document day = stored.get(date).get(model);
                if (day != null && day.get("b") instanceof Number b && b.longValue() == number) {
                    continue;
                }
                CreditDay credit = CreditDay.of(model, date, day);
                ofDate.put(model, credit == null ? summedFromStoredLedgers(model, date) : credit);
            }
            for (Change change : changes) {
                if (change.before != null && change.before.day().equals(date)) {
                    ofDate.values().forEach(credit -> credit.add(change.before.document, -1));
                }
                if (change.after.day().equals(date)) {
                    ofDate.values().forEach(credit -> credit.add(change.after.document, 1));
                }
            }
            moved.put(date, ofDate);
        }
        return moved;
    }

    /** A day stored before days counted their ledgers: summed again from the day's ledgers as they are stored. */
    private CreditDay summedFromStoredLedgers(AttributionModel model, LocalDate date) {
        CreditDay credit = CreditDay.empty(model, date);
        repository.ledgers(conversions.idsConvertedOn(date)).values().stream()
                .filter(ledger -> date.toString().equals(ledger.getString("day")))
                .forEach(ledger -> credit.add(ledger, 1));
        return credit;
    }

    /** The day documents, marked with the batch's number, then the ledgers, then the batch closed. */
    private void write(Map<LocalDate, Map<AttributionModel, CreditDay>> moved, List<Change> changes, long number) {
        DocumentBatch days = new DocumentBatch(database);
        moved.values().forEach(ofDate -> ofDate.values().forEach(credit ->
                CreditRollupRepository.daysIn(days).replace(credit.toDocument().append("b", number))));
        days.write();
        DocumentBatch ledgers = new DocumentBatch(database);
        changes.forEach(change -> CreditRollupRepository.ledgersIn(ledgers).replace(change.after.document));
        ledgers.write();
        repository.close(number);
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
    private static void log(DocumentBatch restatements, LocalDate date, Change change,
                            Map<AttributionModel, Document> storedDays, Map<AttributionModel, CreditDay> movedDays,
                            Touched.Cause cause) {
        for (AttributionModel model : AttributionModel.values()) {
            Map<Touch, Measures> was = RollupDocuments.cellsOf(change.before.document.get("models", Document.class),
                    model.wireName());
            Map<Touch, Measures> is = RollupDocuments.cellsOf(change.after.document.get("models", Document.class),
                    model.wireName());
            Set<Touch> touches = new LinkedHashSet<>(was.keySet());
            touches.addAll(is.keySet());
            Map<Touch, Measures> dayBefore = RollupDocuments.cellsOf(storedDays.get(model), "cells");
            Map<Touch, Measures> dayAfter = movedDays.get(model).cells();
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
