package io.tributary.app.ingest;

import io.tributary.api.intake.PayloadLimits;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How large and how strange a client payload may be ({@code tributary.intake.limits.*}); see {@link PayloadLimits}
 * for each setting. Defaults: 500 keys, 10 levels, 8192-character strings, 256-character ids, 40 digits, exponents
 * within ±308, times from 2000-01-01T00:00:00Z.
 */
@ConfigurationProperties("tributary.intake.limits")
public record IntakeLimitsProperties(Integer maxKeys, Integer maxDepth, Integer maxStringLength, Integer maxIdLength,
                                     Integer maxNumberDigits, Integer maxNumberExponent, Instant earliestTime) {

    public PayloadLimits toLimits() {
        PayloadLimits defaults = PayloadLimits.DEFAULTS;
        return new PayloadLimits(or(maxKeys, defaults.maxKeys()), or(maxDepth, defaults.maxDepth()),
                or(maxStringLength, defaults.maxStringLength()), or(maxIdLength, defaults.maxIdLength()),
                or(maxNumberDigits, defaults.maxNumberDigits()), or(maxNumberExponent, defaults.maxNumberExponent()),
                earliestTime == null ? defaults.earliestTime() : earliestTime);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
