package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A conversion as projected.
 *
 * @param profileId   the profile it was recorded on (resolve merges before use)
 * @param revenue     null when the event carried no valid total_price
 * @param refs        the ids a cancellation or refund may refer to it by: its event id, its id and order_id properties
 * @param ownMetadata the classification of its landing_site / referring_site, null when it has neither
 */
record StoredConversion(String recordId, String eventId, String eventName, String profileId, Instant convertedAt,
                        BigDecimal revenue, String currency, boolean newCustomer, String sessionId, List<String> refs,
                        Touch ownMetadata) {
}
