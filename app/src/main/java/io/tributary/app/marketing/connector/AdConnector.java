package io.tributary.app.marketing.connector;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.saga.marketing.PulledPage;
import java.time.LocalDate;

/** One ad platform's reporting API. */
public interface AdConnector {

    AdPlatform platform();

    int maxDaysPerRequest();

    /** @throws io.tributary.saga.marketing.PullFailure when the platform refuses or cannot answer now */
    PulledPage pull(MarketingConnection connection, LocalDate from, LocalDate to, String cursor);
}
