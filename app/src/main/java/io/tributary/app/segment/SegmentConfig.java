package io.tributary.app.segment;

import io.tributary.app.config.TributaryProperties;
import io.tributary.command.profile.AliasRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SegmentConfig {

    @Bean
    SegmentAdapter segmentAdapter(AliasRules aliasRules, TributaryProperties properties) {
        return new SegmentAdapter(aliasRules, properties.intake().futureTolerance());
    }
}
