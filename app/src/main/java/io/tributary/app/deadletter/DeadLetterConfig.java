package io.tributary.app.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.app.privacy.DataKeys;
import io.tributary.app.privacy.PersonalDataSerializer;
import io.tributary.app.privacy.PrivacyProperties;
import io.tributary.app.privacy.RetentionKeys;
import io.tributary.app.projection.Projections;
import io.tributary.app.projection.ReadModelSequencer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;

/**
 * A dead-letter queue per read model, stored in Mongo's {@code deadletters} collection: an event a projection
 * cannot handle is set aside (see {@link DeadLetterRule}) and the read model carries on. Each event is its own
 * dead-letter sequence, so later events of the same aggregate still flow; a rebuild clears the read model's queue.
 * The sequencing policy also places events in segments: by the key of the documents they write, for the read models
 * that run several ({@link ReadModelSequencer}).
 */
@Configuration
class DeadLetterConfig {

    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();

    /**
     * Dead letters are stored with the event store's sealing serializer: the copy of an event a dead letter holds
     * keeps its personal fields sealed with the same keys, so an erasure or a retention sweep shreds it too.
     */
    @Autowired
    void configureDeadLetters(EventProcessingConfigurer processing, MongoTemplate template,
                              @Qualifier("eventSerializer") Serializer eventSerializer, DataKeys dataKeys,
                              RetentionKeys retentionKeys, ObjectMapper objectMapper, PrivacyProperties privacy,
                              DeadLetterProperties properties) {
        Serializer serializer = new PersonalDataSerializer(eventSerializer, dataKeys, retentionKeys, objectMapper,
                privacy);
        DeadLetterDecider policy = new DeadLetterDecider();
        for (String readModel : Projections.READ_MODELS) {
            processing.registerSequencingPolicy(readModel, config -> new ReadModelSequencer(readModel));
            processing.registerDeadLetterPolicy(readModel, config -> policy);
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(readModel,
                    (config, builder) -> builder.allowReset(true));
        }
        processing.registerDeadLetterQueueProvider(group -> Projections.READ_MODELS.contains(group)
                ? config -> queues.computeIfAbsent(group, g -> queue(g, template, serializer, properties))
                : null);
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, MongoTemplate template,
                                                                   Serializer serializer,
                                                                   DeadLetterProperties properties) {
        SequencedDeadLetterQueue<EventMessage<?>> stored = MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group).mongoTemplate(template).serializer(serializer)
                .maxSequences(properties.maxPerReadModel()).build();
        return new EventDeadLetterQueue(stored, queue -> sequencesOf(template, group));
    }

    private static Set<String> sequencesOf(MongoTemplate template, String group) {
        return DeadLetterEntry.sequenceIdentifierIterator(template.deadLetterCollection(), group)
                .into(new HashSet<>());
    }
}
