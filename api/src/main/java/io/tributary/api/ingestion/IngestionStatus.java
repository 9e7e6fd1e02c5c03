package io.tributary.api.ingestion;

/**
 * What became of one tracked event. {@code SUPPRESSED}: it carried an erased person's alias and the shop drops
 * those ({@code tributary.privacy.drop-suppressed}); nothing was recorded. {@code ALREADY_RECORDED} and {@code DUPLICATE_DELIVERY} are duplicates that
 * only store intakes ask about (see {@link Intake#recordOnce()} and {@link Intake#deliveryId()}).
 */
public enum IngestionStatus {
    ACCEPTED, DUPLICATE, REJECTED, ALREADY_RECORDED, DUPLICATE_DELIVERY, SUPPRESSED;

    public String wireName() {
        return name().toLowerCase();
    }
}
