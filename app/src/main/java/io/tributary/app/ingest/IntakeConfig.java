package io.tributary.app.ingest;

import io.tributary.app.config.TributaryProperties;
import io.tributary.command.profile.AliasRules;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfig {

    @Bean
    TrackedEventReader trackedEventReader(AliasRules aliasRules, TributaryProperties properties) {
        return new TrackedEventReader(aliasRules, properties.intake().futureTolerance(), Clock.systemUTC());
    }
}
