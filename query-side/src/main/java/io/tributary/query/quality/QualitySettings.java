package io.tributary.query.quality;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * @param lateAfter          an event received longer than this after its time is late
 * @param stitchingWindow    a server event is stitched to a browser session started at most this long before it
 *                           (the same window the command side uses)
 * @param silentAfter        a source that sent nothing for longer than this is silent
 * @param stitchingThreshold a stitching rate under this share is flagged (0.95)
 */
public record QualitySettings(EventSpec spec, Duration lateAfter, Duration stitchingWindow, Duration silentAfter,
                              BigDecimal stitchingThreshold) {

    public static QualitySettings defaults() {
        return new QualitySettings(EventSpec.builtIn(), Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(24),
                new BigDecimal("0.95"));
    }
}
