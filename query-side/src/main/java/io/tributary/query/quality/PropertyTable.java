package io.tributary.query.quality;

import io.tributary.api.quality.EventPropertiesView;
import io.tributary.api.quality.PropertyStatsView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * "Which events are sent with which properties": folds the accepted facts of a period per event name and source into
 * each property's fill rate and types. Pure: the examples and source names are handed in.
 */
public final class PropertyTable {

    /** What the table shows of one event name and source besides the facts' counts. */
    public interface Lookup {
        Map<String, List<String>> examples(String eventName, String sourceId);

        String sourceName(String sourceId);
    }

    private record Key(String eventName, String sourceId) {
    }

    private static final class Tally {
        long accepted;
        final Map<String, Map<String, Long>> types = new TreeMap<>();
    }

    private final Map<Key, Tally> tallies = new LinkedHashMap<>();

    public void add(QualityFact fact) {
        if (!QualityFact.ACCEPTED.equals(fact.status())) {
            return;
        }
        Tally tally = tallies.computeIfAbsent(new Key(Objects.toString(fact.eventName(), ""), fact.sourceId()),
                key -> new Tally());
        tally.accepted++;
        fact.types().forEach((path, type) -> tally.types.computeIfAbsent(path, p -> new TreeMap<>())
                .merge(type, 1L, Long::sum));
    }

    /** Adds one hour's roll-up: the same as adding every fact it counts. */
    void add(PeriodRollup rollup) {
        if (rollup.accepted == 0) {
            return;
        }
        Tally tally = tallies.computeIfAbsent(new Key(Objects.toString(rollup.eventName, ""), rollup.sourceId),
                key -> new Tally());
        tally.accepted += rollup.accepted;
        rollup.types.forEach((path, byType) -> byType.forEach((type, counted) -> tally.types
                .computeIfAbsent(path, p -> new TreeMap<>()).merge(type, counted.count, Long::sum)));
    }

    /** The event names and sources whose examples {@link #build} will ask for. */
    public List<Map.Entry<String, String>> eventSources() {
        return tallies.keySet().stream().map(key -> Map.entry(key.eventName(), key.sourceId())).toList();
    }

    public List<EventPropertiesView> build(Lookup lookup) {
        return tallies.entrySet().stream()
                .map(entry -> view(entry.getKey(), entry.getValue(), lookup))
                .sorted(Comparator.comparing(EventPropertiesView::eventName)
                        .thenComparing(view -> Objects.toString(view.sourceName(), view.sourceId())))
                .toList();
    }

    private static EventPropertiesView view(Key key, Tally tally, Lookup lookup) {
        Map<String, List<String>> examples = lookup.examples(key.eventName(), key.sourceId());
        List<PropertyStatsView> properties = tally.types.entrySet().stream()
                .map(entry -> stats(entry.getKey(), entry.getValue(), tally.accepted,
                        examples.getOrDefault(entry.getKey(), List.of())))
                .sorted(Comparator.comparingLong(PropertyStatsView::count).reversed()
                        .thenComparing(PropertyStatsView::property))
                .toList();
        boolean truncated = properties.size() > PropertyExamples.MAX_PROPERTIES;
        return new EventPropertiesView(key.eventName(), key.sourceId(), lookup.sourceName(key.sourceId()),
                tally.accepted, truncated ? properties.subList(0, PropertyExamples.MAX_PROPERTIES) : properties,
                truncated);
    }

    static PropertyStatsView stats(String path, Map<String, Long> types, long accepted, List<String> examples) {
        long count = types.values().stream().mapToLong(Long::longValue).sum();
        return new PropertyStatsView(path, count, rate(count, accepted), Collections.unmodifiableMap(new TreeMap<>(types)),
                types.size() > 1, List.copyOf(examples));
    }

    static BigDecimal rate(long count, long of) {
        return of == 0 ? BigDecimal.ZERO.setScale(QualityReport.RATE_SCALE)
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), QualityReport.RATE_SCALE, RoundingMode.HALF_UP);
    }
}
