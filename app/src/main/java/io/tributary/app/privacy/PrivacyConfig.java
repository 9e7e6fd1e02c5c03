package io.tributary.app.privacy;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.secret.SecretBox;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data and retention keys of crypto-shredding; the serializer that uses them is the event store's (AxonConfig). */
@Configuration
public class PrivacyConfig {

    @Bean
    DataKeys dataKeys(MongoDatabase database, SecretBox secretBox) {
        return new DataKeys(database, secretBox);
    }

    @Bean
    RejectedPayloadKeys rejectedPayloadKeys(DataKeys dataKeys, MongoDatabase database, PrivacyProperties privacy) {
        return new RejectedPayloadKeys(dataKeys, database, privacy.personalAliasTypes());
    }

    @Bean
    RetentionKeys retentionKeys(MongoDatabase database, SecretBox secretBox) {
        return new RetentionKeys(database, secretBox);
    }

    @Bean
    RetentionClock retentionClock() {
        return new RetentionClock(Clock.systemUTC());
    }
}
