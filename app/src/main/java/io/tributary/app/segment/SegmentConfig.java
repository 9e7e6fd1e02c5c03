package io.tributary.app.segment;

import io.tributary.api.intake.IntakeDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SegmentConfig {

    @Bean
    SegmentAdapter segmentAdapter(IntakeDirectory intake) {
        return new SegmentAdapter(intake.aliases(), intake.timestampBounds().futureTolerance());
    }
}
