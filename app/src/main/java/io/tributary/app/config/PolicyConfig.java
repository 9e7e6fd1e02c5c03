package io.tributary.app.config;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.TimestampBounds;
import io.tributary.command.ingestion.AliasIndex;
import io.tributary.command.ingestion.AliasRules;
import io.tributary.command.ingestion.DedupIndex;
import io.tributary.command.ingestion.DedupPolicy;
import io.tributary.command.ingestion.DeliveryIndex;
import io.tributary.command.ingestion.IntakeLookups;
import io.tributary.command.ingestion.QuarantineList;
import io.tributary.command.profile.AliasLimits;
import io.tributary.command.session.ChannelRules;
import io.tributary.command.session.SessionPolicy;
import io.tributary.command.source.SourceSecrets;
import io.tributary.api.secret.SecretBox;
import io.tributary.command.source.SourceTokenIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's wiring: its policies from typed settings, its set-based lookups, and the ingestion port
 * ({@link IntakeDirectory}) that the rest of the app reads through. The only class of the app that names a
 * command-side type.
 */
@Configuration
public class PolicyConfig {

    @Bean
    AliasRules aliasRules(TributaryProperties properties, QuarantineList quarantine) {
        return new AliasRules(properties.identity().blockedAliasValues(), quarantine);
    }

    @Bean
    QuarantineList quarantineList(MongoDatabase database) {
        return new QuarantineList(database, Clock.systemUTC());
    }

    @Bean
    AliasLimits aliasLimits(TributaryProperties properties) {
        return new AliasLimits(properties.identity().aliasLimits());
    }

    @Bean
    DedupPolicy dedupPolicy(TributaryProperties properties) {
        return new DedupPolicy(properties.dedup().window(), new HashSet<>(properties.dedup().neverExpire()));
    }

    @Bean
    SessionPolicy sessionPolicy(TributaryProperties properties) {
        return new SessionPolicy(properties.sessions().inactivityTimeout(), properties.sessions().stitchingWindow());
    }

    @Bean
    ChannelRules channelRules() {
        return ChannelRules.defaults();
    }

    @Bean
    AliasIndex aliasIndex(MongoDatabase database) {
        return new AliasIndex(database);
    }

    @Bean
    DedupIndex dedupIndex(MongoDatabase database) {
        return new DedupIndex(database);
    }

    @Bean
    SourceTokenIndex sourceTokenIndex(MongoDatabase database) {
        return new SourceTokenIndex(database);
    }

    @Bean
    SourceSecrets sourceSecrets(MongoDatabase database, SecretBox secretBox) {
        return new SourceSecrets(database, secretBox);
    }

    /** @param retention {@code tributary.commerce.delivery-retention}, handed over by the commerce configuration */
    @Bean
    DeliveryIndex deliveryIndex(MongoDatabase database, @Qualifier("storeDeliveryRetention") Duration retention) {
        return new DeliveryIndex(database, retention);
    }

    @Bean
    IntakeDirectory intakeDirectory(SourceTokenIndex tokens, SourceSecrets secrets, DeliveryIndex deliveries,
                                    AliasRules aliasRules, ChannelRules channelRules, TributaryProperties properties) {
        return new IntakeLookups(tokens, secrets, deliveries, aliasRules, channelRules,
                new TimestampBounds(properties.intake().futureTolerance()), Clock.systemUTC());
    }
}
