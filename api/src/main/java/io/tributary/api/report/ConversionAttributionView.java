package io.tributary.api.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The "explain this number" view of one conversion: its money, its touchpoints within the window, and the credit
 * each target got under the model. {@code profileId} is the profile after all merges.
 */
public record ConversionAttributionView(String eventId, String eventName, String profileId, Instant convertedAt,
                                        BigDecimal revenue, BigDecimal netRevenue, String currency,
                                        boolean newCustomer, String sessionId, AttributionModel model,
                                        long windowDays, List<TouchpointView> touchpoints, List<CreditView> credits) {
}
