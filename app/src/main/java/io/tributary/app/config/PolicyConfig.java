package io.tributary.app.config;

import com.mongodb.client.MongoDatabase;
import io.tributary.command.dedup.DedupIndex;
import io.tributary.command.dedup.DedupPolicy;
import io.tributary.command.profile.AliasIndex;
import io.tributary.command.profile.AliasLimits;
import io.tributary.command.profile.AliasRules;
import io.tributary.command.session.ChannelRules;
import io.tributary.command.session.SessionPolicy;
import io.tributary.command.source.SourceTokenIndex;
import java.util.HashSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side's policies, from typed settings, and its set-based lookups. */
@Configuration
public class PolicyConfig {

    @Bean
    AliasRules aliasRules(TributaryProperties properties) {
        return new AliasRules(properties.identity().blockedAliasValues());
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
}
