package io.tributary.command.marketing;

import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decides which days of a pull are new versions: a day changes when the fingerprint of its rows differs from the
 * stored one. The fingerprint ignores row order and decimal notation ({@code 12.50} equals {@code 12.5}); the
 * rows of a new version are in canonical order (by campaign id, then the other fields).
 */
public final class MetricDayPolicy {

    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u0000";
    private static final List<Function<MetricRow, Object>> FIELDS = List.of(MetricRow::date, MetricRow::platform,
            MetricRow::accountId, MetricRow::campaignId, MetricRow::campaignName, MetricRow::adSetId,
            MetricRow::adSetName, MetricRow::adId, MetricRow::adName, MetricRow::spend, MetricRow::impressions,
            MetricRow::clicks, MetricRow::platformConversions, MetricRow::platformConversionValue,
            MetricRow::currency);

    private MetricDayPolicy() {
    }

    /** A day that gets a new version, with its rows in canonical order. */
    public record DayChange(LocalDate date, List<MetricRow> rows, String fingerprint) {
    }

    /**
     * @param stored      the fingerprint of the latest version of each day
     * @param coveredDays the days the rows describe completely: a covered day without rows is empty now
     */
    public static List<DayChange> changes(Map<LocalDate, String> stored, Collection<LocalDate> coveredDays,
                                          List<MetricRow> rows) {
        SortedMap<LocalDate, List<MetricRow>> byDay = new TreeMap<>();
        coveredDays.forEach(day -> byDay.put(day, new ArrayList<>()));
        for (MetricRow row : rows) {
            List<MetricRow> day = byDay.get(row.date());
            if (day != null) {
                day.add(row);
            }
        }
        List<DayChange> changes = new ArrayList<>();
        byDay.forEach((date, dayRows) -> {
            List<Map.Entry<String, MetricRow>> canonical = dayRows.stream()
                    .map(row -> Map.entry(canonical(row), row)).sorted(Map.Entry.comparingByKey()).toList();
            String fingerprint = digest(canonical.stream().map(Map.Entry::getKey).toList());
            String previous = stored.get(date);
            boolean firstAndEmpty = previous == null && dayRows.isEmpty();
            if (!firstAndEmpty && !fingerprint.equals(previous)) {
                changes.add(new DayChange(date, canonical.stream().map(Map.Entry::getValue).toList(), fingerprint));
            }
        });
        return changes;
    }

    /** The fingerprint of one day's rows, whatever their order. */
    public static String fingerprint(List<MetricRow> dayRows) {
        return digest(dayRows.stream().map(MetricDayPolicy::canonical).sorted().toList());
    }

    private static String digest(List<String> sortedLines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : sortedLines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String canonical(MetricRow row) {
        StringBuilder text = new StringBuilder();
        for (Function<MetricRow, Object> field : FIELDS) {
            text.append(text.isEmpty() ? "" : String.valueOf(SEPARATOR)).append(text(field.apply(row)));
        }
        return text.toString();
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        return Objects.toString(value, NULL);
    }
}
