package io.tributary.api.marketing;

import java.time.Instant;
import java.util.Map;

/**
 * A marketing source as operators see it. {@code credentials} holds masked values only.
 *
 * @param status      {@code active}, {@code syncing} or {@code error}
 * @param rowsSynced  metric rows currently held (the latest version of every day)
 * @param daysSynced  days with at least one version
 */
public record MarketingSourceView(String id, AdPlatform platform, String name, String accountId, String currency,
                                  String apiBaseUrl, Map<String, String> options, Map<String, String> credentials,
                                  boolean importOnly, String status, Instant createdAt, SyncView lastSync,
                                  MarketingErrorView lastError, ImportView lastImport, long rowsSynced,
                                  long daysSynced) {
}
