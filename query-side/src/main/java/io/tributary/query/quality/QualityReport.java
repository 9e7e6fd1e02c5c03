package io.tributary.query.quality;

import io.tributary.api.quality.DataQualityView;
import io.tributary.api.quality.EventQualityView;
import io.tributary.api.quality.HourlyVolume;
import io.tributary.api.quality.QualityWarning;
import io.tributary.api.quality.SourceQualityView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Folds the facts of a period into the report: per event name, then per source. Pure: no store, no clock. */
public final class QualityReport {

    static final int RATE_SCALE = 4;
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    /** What the report knows of a source besides its facts in the period. */
    public record SourceInfo(String sourceId, String name, String type, Instant lastSeen) {
    }

    private final Instant from;
    private final Instant to;
    private final QualitySettings settings;
    private final Map<String, EventTally> events = new LinkedHashMap<>();
    private final Map<String, SourceTally> sources = new LinkedHashMap<>();

    public QualityReport(Instant from, Instant to, QualitySettings settings) {
        this.from = from;
        this.to = to;
        this.settings = settings;
    }

    public void add(QualityFact fact) {
        events.computeIfAbsent(Objects.toString(fact.eventName(), ""), key -> new EventTally(fact.eventName())).add(fact);
        sources.computeIfAbsent(fact.sourceId(), id -> new SourceTally()).add(fact);
    }

    /** Adds one hour's roll-up: the same as adding every fact it counts. */
    void add(PeriodRollup rollup) {
        events.computeIfAbsent(Objects.toString(rollup.eventName, ""), key -> new EventTally(rollup.eventName)).add(rollup);
        sources.computeIfAbsent(rollup.sourceId, id -> new SourceTally()).add(rollup);
    }

    /** @param known every source known, with its last record up to {@code asOf} */
    public DataQualityView build(List<SourceInfo> known, Instant asOf) {
        List<EventQualityView> eventViews = events.values().stream().map(this::view)
                .sorted(Comparator.comparingLong(EventQualityView::count).reversed()
                        .thenComparing(e -> Objects.toString(e.eventName(), "")))
                .toList();
        Map<String, SourceInfo> infos = new LinkedHashMap<>();
        known.forEach(info -> infos.put(info.sourceId(), info));
        sources.keySet().forEach(id -> infos.putIfAbsent(id, new SourceInfo(id, null, null, null)));
        List<SourceQualityView> sourceViews = infos.values().stream()
                .map(info -> view(info, sources.getOrDefault(info.sourceId(), new SourceTally()), asOf))
                .sorted(Comparator.comparing((SourceQualityView s) -> Objects.toString(s.name(), s.sourceId())))
                .toList();
        return new DataQualityView(from, to, eventViews, sourceViews);
    }

    private EventQualityView view(EventTally tally) {
        String method = trackingMethod(tally.sourceTypes);
        BigDecimal stitchingRate = tally.serverAccepted == 0 ? null : rate(tally.serverStitched, tally.serverAccepted);
        boolean belowThreshold = stitchingRate != null && stitchingRate.compareTo(settings.stitchingThreshold()) < 0;
        WarningTally warnings = tally.warnings;
        if (belowThreshold) {
            warnings.add(tally.eventName, null, WarningKind.LOW_STITCHING_RATE,
                    "only " + stitchingRate.movePointRight(2).stripTrailingZeros().toPlainString()
                            + "% of server events stitched to a web session (healthy: "
                            + settings.stitchingThreshold().movePointRight(2).stripTrailingZeros().toPlainString() + "%+)",
                    tally.latestUnstitched, tally.serverAccepted - tally.serverStitched);
        }
        tally.typeDrift(warnings);
        BigDecimal dedupRate = "both".equals(method) && tally.accepted > 0
                ? rate(Math.min(tally.crossSourceKept.size(), tally.accepted), tally.accepted) : null;
        List<HourlyVolume> hourly = tally.hourly.entrySet().stream()
                .map(entry -> new HourlyVolume(entry.getKey(), entry.getValue())).toList();
        return new EventQualityView(tally.eventName, method, tally.count, perHour(tally.count), tally.accepted,
                tally.duplicates, tally.rejected, tally.conflicting, stitchingRate, belowThreshold, tally.delayed,
                dedupRate, warnings.warnings(), hourly);
    }

    private SourceQualityView view(SourceInfo info, SourceTally tally, Instant asOf) {
        List<QualityWarning> warnings = new ArrayList<>();
        boolean silent = info.lastSeen() != null
                && Duration.between(info.lastSeen(), asOf).compareTo(settings.silentAfter()) > 0;
        if (silent) {
            long hours = Duration.between(info.lastSeen(), asOf).toHours();
            warnings.add(new QualityWarning(null, null, WarningKind.SILENT.wireName(),
                    "no event for " + hours + " hours (threshold: " + settings.silentAfter().toHours() + " hours)",
                    hours, null, null, null));
        }
        warnings.addAll(tally.warnings.warnings());
        return new SourceQualityView(info.sourceId(), info.name(), info.type() != null ? info.type() : tally.type,
                info.lastSeen(), tally.count, tally.accepted, tally.duplicates, tally.rejected, silent, warnings);
    }

    private BigDecimal perHour(long count) {
        BigDecimal hours = BigDecimal.valueOf(Duration.between(from, to).toMillis()).divide(MILLIS_PER_HOUR, 6, RoundingMode.HALF_EVEN);
        return hours.signum() <= 0 ? null : BigDecimal.valueOf(count).divide(hours, 2, RoundingMode.HALF_EVEN);
    }

    static BigDecimal rate(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    static String trackingMethod(Set<String> sourceTypes) {
        boolean browser = sourceTypes.contains(QualityFact.BROWSER);
        boolean server = sourceTypes.contains(QualityFact.SERVER);
        return browser && server ? "both" : browser ? QualityFact.BROWSER : server ? QualityFact.SERVER : null;
    }

    private static final class EventTally {
        private final String eventName;
        private final Set<String> sourceTypes = new HashSet<>();
        private final Set<String> crossSourceKept = new HashSet<>();
        private final TreeMap<Instant, Long> hourly = new TreeMap<>();
        private final WarningTally warnings = new WarningTally();
        private final Map<String, Map<String, TypeSeen>> types = new TreeMap<>();
        private long count;
        private long accepted;
        private long duplicates;
        private long rejected;
        private long conflicting;
        private long serverAccepted;
        private long serverStitched;
        private long delayed;
        private QualityFact latestUnstitched;

        EventTally(String eventName) {
            this.eventName = eventName;
        }

        void add(QualityFact fact) {
            count++;
            hourly.merge(fact.at().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
            if (fact.sourceType() != null) {
                sourceTypes.add(fact.sourceType());
            }
            switch (fact.status()) {
                case QualityFact.ACCEPTED -> addAccepted(fact);
                case QualityFact.DUPLICATE -> addDuplicate(fact);
                default -> rejected++;
            }
        }

        void add(PeriodRollup rollup) {
            count += rollup.count;
            rollup.hourly.forEach((hour, records) -> hourly.merge(hour, records, Long::sum));
            sourceTypes.addAll(rollup.sourceTypes.keySet());
            accepted += rollup.accepted;
            duplicates += rollup.duplicates;
            rejected += rollup.rejected;
            conflicting += rollup.conflicting;
            serverAccepted += rollup.serverAccepted;
            serverStitched += rollup.serverStitched;
            delayed += rollup.delayed;
            crossSourceKept.addAll(rollup.kept.keySet());
            rollup.warnings.forEach((key, counted) -> warnings.add(eventName, key.property(), key.kind(),
                    counted.detail, counted.example.asFact(), counted.count));
            rollup.types.forEach((path, byType) -> byType.forEach((type, counted) -> types
                    .computeIfAbsent(path, p -> new TreeMap<>()).computeIfAbsent(type, t -> new TypeSeen())
                    .add(counted.count, counted.example.asFact())));
            if (rollup.latestUnstitched != null) {
                QualityFact example = rollup.latestUnstitched.asFact();
                if (latestUnstitched == null || WarningTally.isLater(example, latestUnstitched)) {
                    latestUnstitched = example;
                }
            }
        }

        private void addAccepted(QualityFact fact) {
            accepted++;
            fact.findings().forEach(f -> warnings.add(eventName, f.property(), f.kind(), f.detail(), fact));
            fact.types().forEach((path, type) -> types.computeIfAbsent(path, p -> new TreeMap<>())
                    .computeIfAbsent(type, t -> new TypeSeen()).add(fact));
            if (fact.isAcceptedServerEvent()) {
                serverAccepted++;
                if (Boolean.TRUE.equals(fact.stitched())) {
                    serverStitched++;
                } else {
                    if (fact.delayedStitched()) {
                        delayed++;
                    }
                    if (latestUnstitched == null || WarningTally.isLater(fact, latestUnstitched)) {
                        latestUnstitched = fact;
                    }
                }
            }
        }

        private void addDuplicate(QualityFact fact) {
            duplicates++;
            if ("conflicting".equals(fact.duplicateKind())) {
                conflicting++;
            } else if ("cross_source".equals(fact.duplicateKind()) && fact.keptRecordId() != null) {
                crossSourceKept.add(fact.keptRecordId());
            }
        }

        /** A property seen with several types: the most common is taken as meant, the others counted. */
        void typeDrift(WarningTally into) {
            types.forEach((path, byType) -> {
                if (byType.size() < 2) {
                    return;
                }
                String usual = byType.entrySet().stream()
                        .max(Comparator.comparingLong((Map.Entry<String, TypeSeen> e) -> e.getValue().count)
                                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                        .orElseThrow().getKey();
                Map<String, Long> counts = new LinkedHashMap<>();
                byType.forEach((type, seen) -> counts.put(type, seen.count));
                String detail = "seen as " + String.join(", ", counts.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()) + "; mostly " + usual;
                byType.forEach((type, seen) -> {
                    if (!type.equals(usual)) {
                        into.add(eventName, path, WarningKind.TYPE_DRIFT, detail, seen.latest, seen.count);
                    }
                });
            });
        }
    }

    private static final class TypeSeen {
        private long count;
        private QualityFact latest;

        void add(QualityFact fact) {
            add(1, fact);
        }

        void add(long counted, QualityFact latestCounted) {
            count += counted;
            if (latest == null || WarningTally.isLater(latestCounted, latest)) {
                latest = latestCounted;
            }
        }
    }

    private static final class SourceTally {
        private final WarningTally warnings = new WarningTally();
        private String type;
        private long count;
        private long accepted;
        private long duplicates;
        private long rejected;

        void add(QualityFact fact) {
            count++;
            type = type == null ? fact.sourceType() : type;
            switch (fact.status()) {
                case QualityFact.ACCEPTED -> {
                    accepted++;
                    fact.findings().forEach(f -> warnings.add(fact.eventName(), f.property(), f.kind(), f.detail(), fact));
                }
                case QualityFact.DUPLICATE -> duplicates++;
                default -> rejected++;
            }
        }

        void add(PeriodRollup rollup) {
            count += rollup.count;
            if (type == null && !rollup.sourceTypes.isEmpty()) {
                type = rollup.sourceTypes.keySet().iterator().next();
            }
            accepted += rollup.accepted;
            duplicates += rollup.duplicates;
            rejected += rollup.rejected;
            rollup.warnings.forEach((key, counted) -> warnings.add(rollup.eventName, key.property(), key.kind(),
                    counted.detail, counted.example.asFact(), counted.count));
        }
    }
}
