package io.tributary.api.ingestion;

/**
 * What became of one tracked event. {@code ALREADY_RECORDED} and {@code DUPLICATE_DELIVERY} are duplicates that
 * only store intakes ask about (see {@link Intake#recordOnce()} and {@link Intake#deliveryId()}).
 */
public enum IngestionStatus {
    ACCEPTED, DUPLICATE, REJECTED, ALREADY_RECORDED, DUPLICATE_DELIVERY;

    public String wireName() {
        return name().toLowerCase();
    }
}
