package io.tributary.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.secret.SecretBox;
import io.tributary.app.privacy.ReadModelScrub;
import io.tributary.app.projection.Projections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A real MongoDB when {@code MONGODB_URI} is set; otherwise the embedded server. */
@Configuration
public class MongoConfig {

    /** Takes the secret box first, so that a missing {@code TRIBUTARY_SECRET_KEY} stops the start before any store is reached. */
    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(@Value("${MONGODB_URI:}") String uri, TributaryProperties properties,
                                SecretBox secretBox) {
        return uri.isBlank() ? new EmbeddedMongo(properties.embedded(), properties.dataDir()) : MongoEndpoint.external(uri);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint) {
        return MongoClients.create(endpoint.connectionString());
    }

    /** The key that seals stored secrets ({@link SecretKeys}); the app does not start without one on a real MongoDB. */
    @Bean
    SecretBox secretBox(@Value("${MONGODB_URI:}") String uri, TributaryProperties properties) {
        return SecretKeys.box(properties, uri);
    }

    /** What follows a deletion of keys (erasure, retention): read models rebuilt, then the store compacted. */
    @Bean
    ReadModelScrub readModelScrub(Projections projections, MongoEndpoint endpoint) {
        return new ReadModelScrub(projections, () -> {
            endpoint.flush();
            endpoint.compact();
        });
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, TributaryProperties properties) {
        return client.getDatabase(properties.database());
    }
}
