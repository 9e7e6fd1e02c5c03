package io.tributary.app.quality;

import io.tributary.api.identity.FindIdentityMagnets;
import io.tributary.api.identity.IdentityMagnetView;
import io.tributary.api.quality.QualityWarning;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Merge magnets over the configured thresholds, as {@code identity_magnet} data quality warnings. */
@Component
public class IdentityMagnets {

    public static final String KIND = "identity_magnet";

    private final QueryGateway queries;
    private final MagnetProperties settings;

    IdentityMagnets(QueryGateway queries, MagnetProperties settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /** The magnets of the window that ends at {@code asOf}. */
    public List<QualityWarning> warnings(Instant asOf) {
        List<IdentityMagnetView> magnets = queries.query(new FindIdentityMagnets(asOf.minus(settings.window()), asOf,
                        settings.maxProfilesPerValue(), settings.maxLimitHits(), settings.maxUsersPerAnonymousId()),
                ResponseTypes.multipleInstancesOf(IdentityMagnetView.class)).join();
        return magnets.stream().map(m -> new QualityWarning(null, m.subject(), KIND, m.kind(), m.count(), null, null,
                m.lastAt())).toList();
    }
}
