package io.tributary.app.marketing;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.secret.SecretBox;
import io.tributary.app.marketing.connector.AdConnector;
import io.tributary.app.marketing.connector.ConnectorPuller;
import io.tributary.app.marketing.connector.GoogleAccessTokens;
import io.tributary.app.marketing.connector.GoogleAdsConnector;
import io.tributary.app.marketing.connector.MetaInsightsConnector;
import io.tributary.app.marketing.connector.PlatformHttp;
import io.tributary.app.outbound.OutboundHosts;
import io.tributary.app.marketing.connector.TikTokReportConnector;
import io.tributary.app.marketing.oauth.MarketingOAuth;
import io.tributary.query.marketing.MarketingMetricsProjection;
import io.tributary.query.marketing.MarketingSourceProjection;
import io.tributary.saga.marketing.MetricsPuller;
import io.tributary.saga.marketing.SyncRetryPolicy;
import io.tributary.app.cluster.ScheduleLease;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Marketing sources: read models, the connectors behind the sync saga, its scheduler, the hourly schedule and
 * "Connect" (OAuth).
 */
@Configuration
public class MarketingConfig {

    private final Clock clock = Clock.systemUTC();

    @Bean
    MarketingSourceProjection marketingSourceProjection(MongoDatabase database) {
        return new MarketingSourceProjection(database);
    }

    @Bean
    MarketingMetricsProjection marketingMetricsProjection(MongoDatabase database) {
        return new MarketingMetricsProjection(database);
    }

    @Bean
    MarketingConnections marketingConnections(MongoDatabase database, SecretBox secretBox) {
        return new MarketingConnections(database, secretBox);
    }

    @Bean
    MetricsPuller metricsPuller(MarketingProperties properties, MarketingConnections connections,
                                OutboundHosts outbound) {
        PlatformHttp http = new PlatformHttp(properties.httpTimeout(), outbound);
        List<AdConnector> connectors = List.of(new MetaInsightsConnector(http, properties),
                new GoogleAdsConnector(http, new GoogleAccessTokens(http, properties.google().tokenUrl(), clock),
                        properties),
                new TikTokReportConnector(http, properties));
        return new ConnectorPuller(connectors, connections::find);
    }

    @Bean
    MarketingOAuth marketingOAuth(MarketingProperties properties, OutboundHosts outbound, MongoDatabase database,
                                  SecretBox secretBox, MarketingSourceController sources) {
        return MarketingOAuth.create(new PlatformHttp(properties.httpTimeout(), outbound), properties.oauth(), database,
                secretBox, sources, clock);
    }

    @Bean
    SyncRetryPolicy syncRetryPolicy(MarketingProperties properties) {
        MarketingProperties.Retry retry = properties.retry();
        return new SyncRetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(),
                retry.syncTimeout(), clock);
    }

    /** The event scheduler of the sync saga's retries and timeouts; it keeps its schedule in MongoDB. */
    @Bean
    MongoEventScheduler eventScheduler(MongoDatabase database, EventBus eventBus,
                                       @Qualifier("eventSerializer") Serializer serializer,
                                       MarketingProperties properties) {
        return new MongoEventScheduler(database, eventBus, serializer, properties.schedulerPollInterval(), clock);
    }

    @Bean
    SyncWindow syncWindow(MarketingProperties properties) {
        return new SyncWindow(properties.windowDays(), clock);
    }

    @Bean
    MarketingSyncSchedule marketingSyncSchedule(CommandGateway commands, QueryGateway queries,
                                                MarketingProperties properties, SyncWindow window,
                                                ScheduleLease lease) {
        Duration interval = properties.schedule().interval();
        // a lease a little shorter than the interval: the next tick of whichever node comes first takes it again
        return new MarketingSyncSchedule(commands, queries, properties, window, clock,
                () -> lease.tryTake("marketing-sync", interval.minus(interval.dividedBy(10))));
    }
}
