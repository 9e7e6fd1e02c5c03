package io.tributary.app.config;

import com.mongodb.client.MongoDatabase;
import io.tributary.query.eventlog.EventLogProjection;
import io.tributary.query.profile.ProfileHistoryProjection;
import io.tributary.query.profile.ProfileProjection;
import io.tributary.query.session.SessionProjection;
import io.tributary.query.source.SourceProjection;
import io.tributary.query.identity.IdentityMagnetProjection;
import io.tributary.query.identity.QuarantineProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One projection per read model, each in its own processing group; Axon registers their handlers. */
@Configuration
public class ProjectionConfig {

    @Bean
    IdentityMagnetProjection identityMagnetProjection(MongoDatabase database) {
        return new IdentityMagnetProjection(database);
    }

    @Bean
    QuarantineProjection quarantineProjection(MongoDatabase database) {
        return new QuarantineProjection(database);
    }

    @Bean
    EventLogProjection eventLogProjection(MongoDatabase database) {
        return new EventLogProjection(database);
    }

    @Bean
    ProfileProjection profileProjection(MongoDatabase database) {
        return new ProfileProjection(database);
    }

    @Bean
    ProfileHistoryProjection profileHistoryProjection(MongoDatabase database) {
        return new ProfileHistoryProjection(database);
    }

    @Bean
    SessionProjection sessionProjection(MongoDatabase database) {
        return new SessionProjection(database);
    }

    @Bean
    SourceProjection sourceProjection(MongoDatabase database) {
        return new SourceProjection(database);
    }
}
