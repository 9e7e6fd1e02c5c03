package io.tributary.query.quality;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The data-quality counters of one UTC hour or day ({@link RollupGrain}) of event time, source and event name: what
 * {@link QualityReport} and {@link PropertyTable} take from the facts of that period, added up, with the records per
 * hour ({@link #hourly}). Additive: a fact is added with {@code +1} and
 * taken back with {@code -1}, so a fact that changes after it was counted moves the counters by the difference.
 * Bounded: per warning and per property type only the count and the latest record (the example) are kept; the only
 * list is {@link #kept}, the distinct records whose cross-source copies were discarded (the dedup rate is not
 * additive across hours), with how many copies of this period name each.
 * <p>
 * Taking a fact back cannot find the previous example; when the count of a warning or type reaches zero the entry
 * goes, otherwise the example stays. Facts change only in their delayed stitch after they were counted, which has
 * no example, so this does not arise in practice.
 */
final class PeriodRollup {

    /** The record shown as the example of a warning: its ids and event time. */
    record Example(String eventId, String recordId, Instant at) {

        static Example of(QualityFact fact) {
            return new Example(fact.eventId(), fact.recordId(), fact.at());
        }

        /** A fact that carries only what the report shows of an example, for the report's tallies. */
        QualityFact asFact() {
            return new QualityFact(recordId, eventId, null, null, null, null, at, null, null, false, null, null,
                    List.of(), Map.of());
        }

        boolean isLaterThan(Example other) {
            return WarningTally.isLater(asFact(), other.asFact());
        }
    }

    /** A count with the latest record counted and, for warnings, that record's detail. */
    static final class Counted {
        long count;
        String detail;
        Example example;

        void add(int sign, String detailOfFact, Example candidate) {
            count += sign;
            if (sign > 0 && (example == null || candidate.isLaterThan(example))) {
                example = candidate;
                detail = detailOfFact;
            }
        }
    }

    record WarningKey(String property, WarningKind kind) {
    }

    final Instant start;
    final String sourceId;
    final String eventName;
    final Map<String, Long> sourceTypes = new TreeMap<>();
    long count;
    long accepted;
    long duplicates;
    long rejected;
    long conflicting;
    long serverAccepted;
    long serverStitched;
    long delayed;
    Example latestUnstitched;
    final Map<String, Long> kept = new TreeMap<>();
    final Map<WarningKey, Counted> warnings = new LinkedHashMap<>();
    final Map<String, Map<String, Counted>> types = new TreeMap<>();

    final Map<Instant, Long> hourly = new TreeMap<>();
    /**
     * The earliest and latest event time ever counted here (never narrowed when a fact is taken back, so always
     * bounds): a report whose edge falls inside this period can still take it whole when every fact is on its side
     * of the edge. Null for a roll-up stored before they were kept.
     */
    Instant earliest;
    Instant latest;

    PeriodRollup(Instant start, String sourceId, String eventName) {
        this.start = start;
        this.sourceId = sourceId;
        this.eventName = eventName;
    }

    static Instant hourOf(Instant at) {
        return RollupGrain.HOUR.startOf(at);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * Whether every fact counted here has its event time in [from, to), at the millisecond precision facts are
     * stored and queried with; false when the bounds are unknown.
     */
    boolean heldWithin(Instant from, Instant to) {
        return earliest != null && latest != null && earliest.toEpochMilli() >= from.toEpochMilli()
                && latest.toEpochMilli() < to.toEpochMilli();
    }

    /** Counts the fact ({@code sign} 1) or takes it back ({@code sign} -1), as {@link QualityReport} folds it. */
    void apply(QualityFact fact, int sign) {
        count += sign;
        if (sign > 0) {
            earliest = earliest == null || fact.at().isBefore(earliest) ? fact.at() : earliest;
            latest = latest == null || fact.at().isAfter(latest) ? fact.at() : latest;
        }
        move(hourly, hourOf(fact.at()), sign);
        if (fact.sourceType() != null) {
            move(sourceTypes, fact.sourceType(), sign);
        }
        switch (fact.status()) {
            case QualityFact.ACCEPTED -> applyAccepted(fact, sign);
            case QualityFact.DUPLICATE -> applyDuplicate(fact, sign);
            default -> rejected += sign;
        }
    }

    private void applyAccepted(QualityFact fact, int sign) {
        accepted += sign;
        Example example = Example.of(fact);
        fact.findings().forEach(f -> {
            WarningKey key = new WarningKey(f.property(), f.kind());
            warnings.computeIfAbsent(key, k -> new Counted()).add(sign, f.detail(), example);
            if (warnings.get(key).count == 0) {
                warnings.remove(key);
            }
        });
        fact.types().forEach((path, type) -> {
            Map<String, Counted> byType = types.computeIfAbsent(path, p -> new TreeMap<>());
            Counted counted = byType.computeIfAbsent(type, t -> new Counted());
            counted.add(sign, null, example);
            if (counted.count == 0) {
                byType.remove(type);
            }
            if (byType.isEmpty()) {
                types.remove(path);
            }
        });
        if (fact.isAcceptedServerEvent()) {
            serverAccepted += sign;
            if (Boolean.TRUE.equals(fact.stitched())) {
                serverStitched += sign;
            } else {
                if (fact.delayedStitched()) {
                    delayed += sign;
                }
                if (sign > 0 && (latestUnstitched == null || example.isLaterThan(latestUnstitched))) {
                    latestUnstitched = example;
                }
                if (serverAccepted == serverStitched) {
                    latestUnstitched = null;
                }
            }
        }
    }

    private void applyDuplicate(QualityFact fact, int sign) {
        duplicates += sign;
        if ("conflicting".equals(fact.duplicateKind())) {
            conflicting += sign;
        } else if ("cross_source".equals(fact.duplicateKind()) && fact.keptRecordId() != null) {
            move(kept, fact.keptRecordId(), sign);
        }
    }

    /** Adds {@code sign} to the count of {@code key}, dropping it at zero. */
    private static <K> void move(Map<K, Long> counts, K key, int sign) {
        if (counts.merge(key, (long) sign, Long::sum) == 0) {
            counts.remove(key);
        }
    }
}
