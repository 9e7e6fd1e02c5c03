package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;

public record SyncStarted(String marketingSourceId, String syncId, AdPlatform platform, LocalDate from, LocalDate to,
                          SyncTrigger trigger, Instant at) implements MarketingSourceEvent {
}
