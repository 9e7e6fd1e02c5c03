package io.tributary.api.backfill;

import java.time.Instant;

public record BackfillPageImported(String sourceId, String backfillId, int page, String cursor, String nextCursor,
                                   int orders, int imported, int alreadyPresent, int rejected, Instant at) {

    public boolean isLast() {
        return nextCursor == null;
    }
}
