package io.tributary.command.marketing;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.CreateMarketingSource;
import io.tributary.api.marketing.MarketingSourceCreated;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.api.marketing.SyncTrigger;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Messages for the marketing source scenarios. */
final class MarketingFixtures {

    static final String SOURCE = "ms-1";
    static final String SYNC = "sync-1";
    static final Instant AT = Instant.parse("2026-03-10T08:00:00Z");
    static final LocalDate DAY1 = LocalDate.parse("2026-03-01");
    static final LocalDate DAY2 = DAY1.plusDays(1);
    static final LocalDate DAY3 = DAY1.plusDays(2);

    private MarketingFixtures() {
    }

    static CreateMarketingSource create(boolean importOnly) {
        return new CreateMarketingSource(SOURCE, AdPlatform.META, "Meta EU", "1234", "EUR", null, Map.of(),
                importOnly ? Map.of() : Map.of("accessToken", "****abcd"), importOnly, AT);
    }

    static MarketingSourceCreated created() {
        return new MarketingSourceCreated(SOURCE, AdPlatform.META, "Meta EU", "1234", "EUR", null, Map.of(),
                Map.of("accessToken", "****abcd"), false, AT);
    }

    static SyncStarted started(LocalDate from, LocalDate to) {
        return new SyncStarted(SOURCE, SYNC, AdPlatform.META, from, to, SyncTrigger.MANUAL, AT);
    }

    static MetricRow row(LocalDate date, String adId, String spend) {
        return new MetricRow(date, AdPlatform.META, "1234", "c1", "Campaign", "s1", "Ad set", adId, "Ad " + adId,
                new BigDecimal(spend), 1000, 25, new BigDecimal("2"), new BigDecimal("99.90"), "EUR");
    }
}
