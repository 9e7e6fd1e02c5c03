package io.tributary.saga.marketing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Splits a sync's days into consecutive ranges a platform accepts in one request (TikTok: at most 30 days). */
public final class SyncWindowPolicy {

    private SyncWindowPolicy() {
    }

    public static List<DateRange> split(LocalDate from, LocalDate to, int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be at least 1");
        }
        List<DateRange> ranges = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(maxDays)) {
            LocalDate end = start.plusDays(maxDays - 1L);
            ranges.add(new DateRange(start, end.isAfter(to) ? to : end));
        }
        return ranges;
    }
}
