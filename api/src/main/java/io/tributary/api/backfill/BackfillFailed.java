package io.tributary.api.backfill;

import java.time.Instant;

public record BackfillFailed(String sourceId, String backfillId, int page, String reason, Instant at) {
}
