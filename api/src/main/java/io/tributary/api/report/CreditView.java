package io.tributary.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one target got from a conversion.
 *
 * @param source    {@code session} (a touchpoint), {@code order_metadata} (the order's own landing/referrer, when
 *                  it has no touchpoint) or {@code none} ({@code (no value)} / {@code (no paid touchpoint)})
 * @param share     0 to 1
 * @param revenue   share × revenue, unrounded (null when the revenue is in another currency)
 * @param bookedOn  the date the credit counts on in click_time mode (the session's start, else the conversion's)
 */
public record CreditView(String sessionId, String source, String channelGroup, String channel, String campaign,
                         String adSet, String ad, BigDecimal share, BigDecimal revenue, LocalDate bookedOn) {
}
