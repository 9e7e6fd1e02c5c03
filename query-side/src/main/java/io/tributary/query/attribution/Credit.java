package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A share (0 to 1) of one conversion given to a target.
 *
 * @param touchpoint the session credited, null unless {@code source} is SESSION
 */
public record Credit(Touchpoint touchpoint, Touch touch, CreditSource source, BigDecimal share) {

    static Credit toSession(Touchpoint touchpoint, BigDecimal share) {
        return new Credit(touchpoint, touchpoint.touch(), CreditSource.SESSION, share);
    }

    /** The time credit is booked at in click_time mode: the session's start, else the conversion's time. */
    public Instant clickTime(Instant convertedAt) {
        return touchpoint == null ? convertedAt : touchpoint.startedAt();
    }
}
