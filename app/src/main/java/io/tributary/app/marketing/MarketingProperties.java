package io.tributary.app.marketing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the marketing sources, with their defaults.
 *
 * @param windowDays            how many days each sync re-pulls, today included (platforms restate ~30 days)
 * @param chunkDays             the most days one platform request covers (TikTok allows 30 at most)
 * @param schedulerPollInterval how often due retries and timeouts are looked for
 * @param httpTimeout           how long one platform request may take
 * @param maxImportBytes        the largest CSV file accepted
 */
@ConfigurationProperties("tributary.marketing")
public record MarketingProperties(Schedule schedule, Integer windowDays, Integer chunkDays, Retry retry,
                                  Duration schedulerPollInterval, Duration httpTimeout, Integer maxImportBytes,
                                  Meta meta, Google google, TikTok tiktok) {

    public MarketingProperties {
        schedule = schedule == null ? new Schedule(null, null, null) : schedule;
        windowDays = windowDays == null ? 30 : windowDays;
        chunkDays = chunkDays == null ? 30 : chunkDays;
        retry = retry == null ? new Retry(null, null, null, null) : retry;
        schedulerPollInterval = schedulerPollInterval == null ? Duration.ofSeconds(1) : schedulerPollInterval;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(120) : httpTimeout;
        maxImportBytes = maxImportBytes == null ? 10 * 1024 * 1024 : maxImportBytes;
        meta = meta == null ? new Meta(null, null, null) : meta;
        google = google == null ? new Google(null, null, null) : google;
        tiktok = tiktok == null ? new TikTok(null, null) : tiktok;
    }

    /** The sync of every connected source, hourly by default; {@code enabled: false} turns it off. */
    public record Schedule(Boolean enabled, Duration interval, Duration initialDelay) {
        public Schedule {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofHours(1) : interval;
            initialDelay = initialDelay == null ? Duration.ofMinutes(1) : initialDelay;
        }
    }

    /**
     * @param maxAttempts retries of one range after transient failures before the sync fails
     * @param syncTimeout how long a whole sync may take, retries included
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration syncTimeout) {
        public Retry {
            maxAttempts = maxAttempts == null ? 6 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(15) : maxBackoff;
            syncTimeout = syncTimeout == null ? Duration.ofHours(3) : syncTimeout;
        }
    }

    /** @param purchaseActionType the one action type counted as conversions, so redundant types never double-count */
    public record Meta(String baseUrl, String apiVersion, String purchaseActionType) {
        public Meta {
            baseUrl = baseUrl == null ? "https://graph.facebook.com" : baseUrl;
            apiVersion = apiVersion == null ? "v24.0" : apiVersion;
            purchaseActionType = purchaseActionType == null ? "omni_purchase" : purchaseActionType;
        }
    }

    /** @param tokenUrl where an OAuth refresh token is exchanged for an access token */
    public record Google(String baseUrl, String apiVersion, String tokenUrl) {
        public Google {
            baseUrl = baseUrl == null ? "https://googleads.googleapis.com" : baseUrl;
            apiVersion = apiVersion == null ? "v24" : apiVersion;
            tokenUrl = tokenUrl == null ? "https://oauth2.googleapis.com/token" : tokenUrl;
        }
    }

    public record TikTok(String baseUrl, Integer pageSize) {
        public TikTok {
            baseUrl = baseUrl == null ? "https://business-api.tiktok.com" : baseUrl;
            pageSize = pageSize == null ? 1000 : pageSize;
        }
    }
}
