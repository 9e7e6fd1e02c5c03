package io.tributary.api.marketing;

import java.time.Instant;

public record ImportView(String importId, int rowCount, int changedDays, int rejectedLines, Instant at) {
}
