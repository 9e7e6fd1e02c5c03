package io.tributary.api.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A session of the converting profile that started within the window before the conversion.
 *
 * @param counted false for a Direct session ignored because the path has other touchpoints
 * @param credit  its share of the conversion under the model (0 to 1; participation gives 1 to each)
 */
public record TouchpointView(String sessionId, Instant startedAt, String channelGroup, String channel,
                             String campaign, String adSet, String ad, boolean paid, boolean counted,
                             boolean convertingSession, BigDecimal credit) {
}
