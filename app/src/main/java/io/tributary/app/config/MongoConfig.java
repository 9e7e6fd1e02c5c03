package io.tributary.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A real MongoDB when {@code MONGODB_URI} is set; otherwise the embedded server. */
@Configuration
public class MongoConfig {

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(@Value("${MONGODB_URI:}") String uri, TributaryProperties properties) {
        return uri.isBlank() ? new EmbeddedMongo(properties.embedded(), properties.dataDir()) : MongoEndpoint.external(uri);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint) {
        return MongoClients.create(endpoint.connectionString());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, TributaryProperties properties) {
        return client.getDatabase(properties.database());
    }
}
