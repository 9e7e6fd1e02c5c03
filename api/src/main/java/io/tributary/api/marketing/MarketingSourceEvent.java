package io.tributary.api.marketing;

/**
 * The events of a marketing source, except {@link MetricDayRecorded}, which is the contract shared with the
 * reports and stays a plain record.
 */
public sealed interface MarketingSourceEvent permits MarketingSourceCreated, MarketingSourceRenamed, MarketingCredentialsReplaced,
        SyncStarted, SyncPageFetched, SyncRowsRecorded, SyncRetryScheduled, SyncCompleted, SyncFailed,
        MarketingSourceFailed, MetricsImported {
    String marketingSourceId();
}
