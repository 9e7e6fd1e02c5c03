package io.tributary.app.privacy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;

/**
 * Which months of a source's tracked events are past its retention. A month expires once every instant of it is
 * older than the retention: with 25 months, March 2024 (UTC) expires on 1 May 2026, 00:00 UTC. Months are
 * {@code yyyy-MM}; anything else is never expired.
 */
final class RetentionPolicy {

    private RetentionPolicy() {
    }

    static boolean isExpired(YearMonth month, int retentionMonths, Instant now) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return !end.atZone(ZoneOffset.UTC).plusMonths(retentionMonths).toInstant().isAfter(now);
    }

    /** The months among {@code months} that are expired, oldest first. */
    static List<String> expiredMonths(Collection<String> months, int retentionMonths, Instant now) {
        return months.stream().filter(month -> parse(month) != null)
                .filter(month -> isExpired(parse(month), retentionMonths, now)).sorted().distinct().toList();
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
