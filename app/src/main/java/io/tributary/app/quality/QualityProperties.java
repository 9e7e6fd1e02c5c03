package io.tributary.app.quality;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Data Quality settings ({@code tributary.quality.*}).
 *
 * @param specPath           a JSON or YAML file laid over the built-in event spec (none by default)
 * @param lateAfter          events received longer than this after their time are late (7 days)
 * @param silentAfter        a source that sent nothing for longer than this is silent (24 hours)
 * @param stitchingThreshold a stitching rate under this share is flagged (0.95)
 */
@ConfigurationProperties("tributary.quality")
public record QualityProperties(Path specPath, Duration lateAfter, Duration silentAfter, BigDecimal stitchingThreshold) {

    public QualityProperties {
        lateAfter = lateAfter == null ? Duration.ofDays(7) : lateAfter;
        silentAfter = silentAfter == null ? Duration.ofHours(24) : silentAfter;
        stitchingThreshold = stitchingThreshold == null ? new BigDecimal("0.95") : stitchingThreshold;
    }
}
