package io.tributary.app.marketing.connector;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.saga.marketing.MetricsPuller;
import io.tributary.saga.marketing.PullFailure;
import io.tributary.saga.marketing.PulledPage;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The sync saga's way to the platforms: finds the source's connection and hands it to its platform's connector. */
public class ConnectorPuller implements MetricsPuller {

    private final Map<AdPlatform, AdConnector> connectors = new EnumMap<>(AdPlatform.class);
    private final Function<String, Optional<MarketingConnection>> connections;

    public ConnectorPuller(List<AdConnector> connectors, Function<String, Optional<MarketingConnection>> connections) {
        connectors.forEach(connector -> this.connectors.put(connector.platform(), connector));
        this.connections = connections;
    }

    @Override
    public int maxDaysPerRequest(AdPlatform platform) {
        return connector(platform).maxDaysPerRequest();
    }

    @Override
    public PulledPage pull(String marketingSourceId, AdPlatform platform, LocalDate from, LocalDate to, String cursor) {
        MarketingConnection connection = connections.apply(marketingSourceId)
                .filter(found -> !found.credentials().isEmpty())
                .orElseThrow(() -> PullFailure.fatal("no credentials are stored for this source"));
        return connector(platform).pull(connection, from, to, cursor);
    }

    private AdConnector connector(AdPlatform platform) {
        AdConnector connector = connectors.get(platform);
        if (connector == null) {
            throw PullFailure.fatal("no connector for " + platform);
        }
        return connector;
    }
}
