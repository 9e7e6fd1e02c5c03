package io.tributary.app.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Per-source limit on collect requests (browser tokens are public): a token bucket per source holding up to
 * {@code burst} requests, refilled at {@code perSecond}. A {@code perSecond} of 0 switches the limit off.
 */
@Component
public class SourceRateLimiter {

    /** {@code tributary.collect.rate-limit.*} */
    @ConfigurationProperties("tributary.collect.rate-limit")
    public record Settings(Double perSecond, Integer burst) {
        public Settings {
            perSecond = perSecond == null ? 200.0 : perSecond;
            burst = burst == null ? 1000 : burst;
        }
    }

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    SourceRateLimiter(Settings settings) {
        this(settings.perSecond(), settings.burst(), System::nanoTime);
    }

    SourceRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the source's bucket; false when it is empty. */
    public boolean tryAcquire(String sourceId) {
        if (perNano <= 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(sourceId, id -> new Bucket(burst, now)).take(now, perNano, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(long now, double perNano, double burst) {
            tokens = Math.min(burst, tokens + Math.max(0, now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
