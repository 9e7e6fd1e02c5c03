package io.tributary.query.attribution;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.TrafficSource;
import io.tributary.api.source.SourceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages for attribution tests, on days of March 2025 (UTC). */
final class AttributionFixtures {

    static final Touch META_SPRING = new Touch("Paid Social", "Meta Ads", "111", null, null);
    static final Touch GOOGLE_BRAND = new Touch("Paid Search", "Google Ads", " Brand SEARCH ", null, null);
    static final Touch ORGANIC = new Touch("Organic Search", "Google", null, null, null);
    static final Touch EMAIL = new Touch("Email", "Klaviyo", "newsletter", null, null);
    static final Touch DIRECT = new Touch("Direct", "Direct", null, null, null);

    /** Stands in for the channel rules: a gclid is Google Ads, a referrer is Referral, anything else Direct. */
    static final TrafficClassifier CLASSIFIER = (landing, referrer) -> {
        if (landing != null && landing.contains("gclid")) {
            return new TrafficSource("google", "Paid Search", "Google Ads", null, null, null, landing, referrer);
        }
        if (referrer != null) {
            return new TrafficSource("ref", "Referral", referrer, null, null, null, landing, referrer);
        }
        return new TrafficSource(null, "Direct", "Direct", null, null, null, landing, referrer);
    };

    private AttributionFixtures() {
    }

    static Instant on(int dayOfMarch, int hour) {
        return Instant.parse(String.format("2025-03-%02dT%02d:00:00Z", dayOfMarch, hour));
    }

    static LocalDate march(int day) {
        return LocalDate.of(2025, 3, day);
    }

    static SessionStarted session(String sessionId, String profileId, Instant at, Touch touch) {
        return new SessionStarted(sessionId, profileId, "rec-" + sessionId, at, touch.channelGroup(), touch.channel(),
                touch.campaign(), touch.adSet(), touch.ad(), "https://shop.example/", null);
    }

    static EventRecorded order(String eventId, String profileId, Instant at, String totalPrice, String sessionId) {
        return orderWith(eventId, profileId, at, sessionId, properties("total_price", totalPrice, "currency", "EUR"));
    }

    static EventRecorded orderWith(String eventId, String profileId, Instant at, String sessionId,
                                   Map<String, Object> properties) {
        return recorded(TrackedEvent.PLACED_ORDER, eventId, profileId, at, sessionId, properties);
    }

    static EventRecorded recorded(String name, String eventId, String profileId, Instant at, String sessionId,
                                  Map<String, Object> properties) {
        TrackedEvent event = new TrackedEvent(name, eventId, properties, Map.of(), List.of("urn:email:ann@example.com"),
                at, null, List.of());
        return new EventRecorded(profileId, "rec-" + name + "-" + eventId, "src-1", SourceType.SERVER, at, event,
                "fp-" + eventId, sessionId, false, null, sessionId != null);
    }

    static Map<String, Object> properties(Object... namesAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    static MetricRow row(LocalDate date, AdPlatform platform, String campaignId, String campaignName, String spend,
                         long impressions, long clicks) {
        return new MetricRow(date, platform, "acct-1", campaignId, campaignName, null, null, null, null,
                new BigDecimal(spend), impressions, clicks, BigDecimal.ONE, new BigDecimal("10.00"), "EUR");
    }

    static MetricDayRecorded metrics(String sourceId, LocalDate date, int version, MetricRow... rows) {
        return new MetricDayRecorded(sourceId, date, version, List.of(rows), "sync-" + version, Instant.now());
    }
}
