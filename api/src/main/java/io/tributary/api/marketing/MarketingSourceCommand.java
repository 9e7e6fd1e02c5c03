package io.tributary.api.marketing;

/** The commands of a marketing source (an ad account whose metrics Tributary pulls or imports). */
public sealed interface MarketingSourceCommand permits CreateMarketingSource, RenameMarketingSource, ReplaceMarketingCredentials,
        StartMarketingSync, RecordSyncPage, RecordMetricDays, ScheduleSyncRetry, CompleteSync, FailSync,
        ImportMetricRows {
    String marketingSourceId();
}
