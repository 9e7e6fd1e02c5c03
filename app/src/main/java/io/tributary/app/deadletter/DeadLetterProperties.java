package io.tributary.app.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxPerReadModel the most events one read model may set aside; beyond it, the read model stops again */
@ConfigurationProperties("tributary.dead-letters")
public record DeadLetterProperties(Integer maxPerReadModel) {

    public DeadLetterProperties {
        maxPerReadModel = maxPerReadModel == null ? 10_000 : maxPerReadModel;
    }
}
