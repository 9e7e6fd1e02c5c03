package io.tributary.api.marketing;

/**
 * The answer to {@link StartMarketingSync}.
 *
 * @param syncId the sync that runs now: the new one, or the one already running; null when none runs
 */
public record SyncRequestOutcome(Decision decision, String syncId) {

    public enum Decision {
        /** a new sync started */
        STARTED,
        /** a sync was already running; it covers the request */
        ALREADY_RUNNING,
        /** the schedule skips a source in error until an operator acts */
        SKIPPED_IN_ERROR,
        /** the source has no credentials and only takes CSV imports */
        IMPORT_ONLY
    }
}
