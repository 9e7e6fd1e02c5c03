package io.tributary.api.marketing;

/** What asked for a sync: an operator (REST) or the schedule. */
public enum SyncTrigger {
    MANUAL, SCHEDULE
}
