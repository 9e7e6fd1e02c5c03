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
 * @param oauth                 the operator's OAuth apps, for "Connect" in the dashboard (see docs/marketing.md)
 */
@ConfigurationProperties("tributary.marketing")
public record MarketingProperties(Schedule schedule, Integer windowDays, Integer chunkDays, Retry retry,
                                  Duration schedulerPollInterval, Duration httpTimeout, Integer maxImportBytes,
                                  Meta meta, Google google, TikTok tiktok, OAuth oauth) {

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
        oauth = oauth == null ? new OAuth(null, null, null, null, null) : oauth;
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

    /**
     * @param publicUrl     where browsers reach Tributary, for the redirect URI registered with each platform
     *                      ({@code <publicUrl>/dashboard/marketing/oauth/<platform>/callback}); empty: the URL the
     *                      dashboard was opened at
     * @param stateLifetime how long a "Connect" may take between leaving for the platform and coming back
     */
    public record OAuth(String publicUrl, Duration stateLifetime, OAuthApp meta, OAuthApp google, OAuthApp tiktok) {
        public OAuth {
            publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
            stateLifetime = stateLifetime == null ? Duration.ofMinutes(15) : stateLifetime;
            meta = OAuthApp.orDefaults(meta, new OAuthApp(null, null, "https://www.facebook.com/v24.0/dialog/oauth",
                    "https://graph.facebook.com/v24.0/oauth/access_token",
                    "https://graph.facebook.com/v24.0/me/adaccounts", "ads_read", null));
            google = OAuthApp.orDefaults(google, new OAuthApp(null, null,
                    "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                    "https://googleads.googleapis.com/v24/customers:listAccessibleCustomers",
                    "https://www.googleapis.com/auth/adwords", null));
            tiktok = OAuthApp.orDefaults(tiktok, new OAuthApp(null, null, "https://business-api.tiktok.com/portal/auth",
                    "https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/",
                    "https://business-api.tiktok.com/open_api/v1.3/oauth2/advertiser/get/", null, null));
        }
    }

    /**
     * One platform's OAuth app. It is configured when the client id and secret are set (and, for Google, the
     * developer token); the URLs default to the platform's own.
     *
     * @param clientId       Meta app id, Google OAuth client id, TikTok app id
     * @param developerToken Google Ads only: the developer token every Google Ads API call carries
     */
    public record OAuthApp(String clientId, String clientSecret, String authorizeUrl, String tokenUrl,
                           String accountsUrl, String scope, String developerToken) {

        static OAuthApp orDefaults(OAuthApp app, OAuthApp defaults) {
            if (app == null) {
                return defaults;
            }
            return new OAuthApp(blankToNull(app.clientId), blankToNull(app.clientSecret),
                    or(app.authorizeUrl, defaults.authorizeUrl), or(app.tokenUrl, defaults.tokenUrl),
                    or(app.accountsUrl, defaults.accountsUrl), or(app.scope, defaults.scope),
                    blankToNull(app.developerToken));
        }

        public boolean isConfigured(boolean needsDeveloperToken) {
            return clientId != null && clientSecret != null && (!needsDeveloperToken || developerToken != null);
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }

        @Override
        public String toString() {
            return "OAuthApp[" + clientId + ", " + authorizeUrl + "]";
        }
    }
}
