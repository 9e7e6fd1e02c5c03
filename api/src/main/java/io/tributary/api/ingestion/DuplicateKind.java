package io.tributary.api.ingestion;

public enum DuplicateKind {
    /** Same key from the same source with the same content: a retry. */
    SAME_SOURCE,
    /** Same key from the same source but different content. */
    CONFLICTING,
    /** Same key from another source, for example the browser and the server copy of one order. */
    CROSS_SOURCE,
    /** A store webhook delivered again with the same delivery id: the record of the first delivery is kept. */
    STORE_REDELIVERY,
    /** A store re-sent an event it had already recorded (WooCommerce repeats whole orders, a backfill re-reads them). */
    ALREADY_RECORDED;

    /**
     * Recorded for the audit trail only: a store redelivery or an event the store already recorded changed nothing,
     * so the read models neither list nor count it (as before these decisions were recorded).
     */
    public boolean isAuditOnly() {
        return this == STORE_REDELIVERY || this == ALREADY_RECORDED;
    }
}
