package io.tributary.api.intake;

import java.time.Instant;

/**
 * How large and how strange a client payload may be ({@code tributary.intake.limits.*}).
 *
 * @param maxKeys           keys per event, counted at every depth
 * @param maxDepth          nesting levels of objects and arrays below the event
 * @param maxStringLength   characters of one string value
 * @param maxIdLength       characters of an id (event id, user id, message id, order id)
 * @param maxNumberDigits   significant digits of one number
 * @param maxNumberExponent the largest power of ten, up or down, a number may reach
 * @param earliestTime      the earliest event time accepted
 */
public record PayloadLimits(int maxKeys, int maxDepth, int maxStringLength, int maxIdLength, int maxNumberDigits,
                            int maxNumberExponent, Instant earliestTime) {

    public static final PayloadLimits DEFAULTS = new PayloadLimits(500, 10, 8 * 1024, 256, 40, 308,
            Instant.parse("2000-01-01T00:00:00Z"));
}
