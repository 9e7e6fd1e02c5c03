package io.tributary.app.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A request budget per key (browser tokens are public): a token bucket per key holding up to {@code burst}
 * requests, refilled at {@code perSecond}. A {@code perSecond} of 0 switches the limit off. The bean limits each
 * source on collect and {@code /v1/*} ({@code tributary.collect.rate-limit.*}); {@link RateLimitInterceptor} keeps a
 * second one per client address. At most {@code maxKeys} buckets are kept, the least recently used dropped first,
 * so that made-up keys cannot grow memory.
 */
@Component
public class SourceRateLimiter {

    static final int MAX_KEYS = 100_000;
    /** A client told to wait longer would only come back to be told again: one minute at most. */
    static final long MAX_RETRY_AFTER_SECONDS = 60;

    /** {@code tributary.collect.rate-limit.*} */
    @ConfigurationProperties("tributary.collect.rate-limit")
    public record Settings(Double perSecond, Integer burst) {
        public Settings {
            perSecond = perSecond == null ? 200.0 : perSecond;
            burst = burst == null ? 1000 : burst;
        }
    }

    /**
     * @param limit             the burst: the most requests the bucket holds
     * @param remaining         requests left in the bucket after this one
     * @param retryAfterSeconds when a refused request may come back (0 when allowed)
     */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
    }

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    @Autowired
    SourceRateLimiter(Settings settings) {
        this(settings.perSecond(), settings.burst(), System::nanoTime);
    }

    SourceRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this(perSecond, burst, nanoTime, MAX_KEYS);
    }

    SourceRateLimiter(double perSecond, int burst, LongSupplier nanoTime, int maxKeys) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one request from the key's bucket; false when it is empty. */
    public boolean tryAcquire(String key) {
        return take(key).allowed();
    }

    /** Takes one request from the key's bucket, and tells what is left. */
    public Decision take(String key) {
        if (perSecond <= 0) {
            return new Decision(true, (int) burst, (int) burst, 0);
        }
        long now = nanoTime.getAsLong();
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.take(now, perSecond, burst);
    }

    public boolean isOn() {
        return perSecond > 0;
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Decision take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + Math.max(0, now - refilledAt) * perSecond / 1e9);
            refilledAt = now;
            if (tokens < 1) {
                long wait = (long) Math.ceil((1 - tokens) / perSecond);
                return new Decision(false, (int) burst, 0, Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, wait)));
            }
            tokens--;
            return new Decision(true, (int) burst, (int) Math.floor(tokens), 0);
        }
    }
}
