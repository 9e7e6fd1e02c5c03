package io.tributary.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.secret.SecretBox;
import io.tributary.app.cluster.ClusterConfig;
import io.tributary.app.cluster.NodeId;
import io.tributary.app.privacy.DataKeys;
import io.tributary.app.privacy.PersonalDataSerializer;
import io.tributary.app.privacy.PrivacyProperties;
import io.tributary.app.privacy.RetentionKeys;
import io.tributary.app.privacy.SourcePrivacy;
import io.tributary.app.projection.ProcessingProperties;
import io.tributary.app.projection.ReadModelSequencing;
import io.tributary.eventstore.SequencedMongoEventStorageEngine;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on MongoDB: our event store, axon-mongo's token and saga stores, the aggregate cache and snapshots. */
@Configuration
public class AxonConfig {

    static final String SOURCE_TOKENS = "source-tokens";
    private static final String QUALITY = "data-quality";
    /**
     * Data quality writes the hour and day roll-ups a batch moved once per batch, so a batch that catches up (a replay,
     * a backlog) shares that write among more events. Live, a batch holds only what has arrived.
     */
    private static final int QUALITY_BATCH = 1000;

    /** Exact money: JSON decimals become BigDecimal, in requests and in stored events alike. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer exactDecimals() {
        return builder -> builder.featuresToEnable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, TributaryProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    /**
     * Our own engine, not axon-mongo's: a global, gap-aware sequence, and every read an exact-key lookup, so
     * tracking and aggregate loads stay flat as the store grows (see event-store/DESIGN.md). Events are written
     * and read through {@link PersonalDataSerializer}: personal fields encrypted with per-profile data keys.
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase database, Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          DataKeys dataKeys, RetentionKeys retentionKeys, ObjectMapper objectMapper,
                                          PrivacyProperties privacy) {
        Serializer personal = new PersonalDataSerializer(eventSerializer, dataKeys, retentionKeys, objectMapper,
                privacy);
        SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder().database(database)
                .eventSerializer(personal).snapshotSerializer(serializer).batchSize(1000).build();
        engine.ensureIndexes();
        return engine;
    }

    /** Seals, before anything reads them, the store secrets an older version wrote in clear into stored events. */
    @Bean
    StoredSecretEvents storedSecretEvents(MongoDatabase database, SecretBox secretBox, EventStorageEngine engine) {
        StoredSecretEvents stored = new StoredSecretEvents(database, secretBox);
        stored.sealOnce();
        return stored;
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer, NodeId nodeId) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).ensureIndexes(true)
                .nodeId(nodeId.value()).claimTimeout(ClusterConfig.CLAIM_TIMEOUT).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    @Bean
    Cache aggregateCache() {
        return new LruCache(50_000);
    }

    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, ProcessingProperties properties) {
        processing.usingPooledStreamingEventProcessors(
                (config, builder) -> builder.batchSize(200).initialSegmentCount(1));
        processing.registerPooledStreamingEventProcessorConfiguration(QUALITY,
                (config, builder) -> builder.batchSize(QUALITY_BATCH));
        for (String readModel : ReadModelSequencing.SPLITTABLE) {
            processing.registerPooledStreamingEventProcessorConfiguration(readModel,
                    (config, builder) -> builder.initialSegmentCount(properties.segmentsOf(readModel)));
        }
        processing.registerSubscribingEventProcessor(SOURCE_TOKENS);
        processing.registerSubscribingEventProcessor(SourcePrivacy.RETENTION_SETTINGS);
    }
}
