package io.tributary.query.quality;

import io.tributary.api.quality.QualityWarning;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts warnings by (event name, property, kind), keeping the latest record of each as the example, and the detail
 * given with that record (so the answer does not depend on the order the records are added in).
 */
final class WarningTally {

    private record Key(String eventName, String property, WarningKind kind) {
    }

    private static final class Tally {
        private long count;
        private String detail;
        private QualityFact example;
    }

    private final Map<Key, Tally> tallies = new LinkedHashMap<>();

    void add(String eventName, String property, WarningKind kind, String detail, QualityFact fact) {
        add(eventName, property, kind, detail, fact, 1);
    }

    void add(String eventName, String property, WarningKind kind, String detail, QualityFact fact, long count) {
        Tally tally = tallies.computeIfAbsent(new Key(eventName, property, kind), key -> new Tally());
        tally.count += count;
        if (fact != null && (tally.example == null || isLater(fact, tally.example))) {
            tally.example = fact;
            tally.detail = detail;
        } else if (tally.detail == null) {
            tally.detail = detail;
        }
    }

    List<QualityWarning> warnings() {
        return tallies.entrySet().stream()
                .map(entry -> warning(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(QualityWarning::count).reversed()
                        .thenComparing(QualityWarning::kind)
                        .thenComparing(w -> Objects.toString(w.eventName(), ""))
                        .thenComparing(w -> Objects.toString(w.property(), "")))
                .toList();
    }

    private static QualityWarning warning(Key key, Tally tally) {
        QualityFact example = tally.example;
        return new QualityWarning(key.eventName(), key.property(), key.kind().wireName(), tally.detail, tally.count,
                example == null ? null : example.eventId(), example == null ? null : example.recordId(),
                example == null ? null : example.at());
    }

    static boolean isLater(QualityFact candidate, QualityFact current) {
        int byTime = candidate.at().compareTo(current.at());
        return byTime > 0 || byTime == 0 && candidate.recordId().compareTo(current.recordId()) > 0;
    }
}
