package io.tributary.api.backfill;

import java.time.Instant;

public record BackfillStarted(String sourceId, String backfillId, Instant since, Instant at) {
}
