package io.tributary.app.segment;

import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.PayloadBounds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SegmentConfig {

    @Bean
    SegmentAdapter segmentAdapter(IntakeDirectory intake, PayloadBounds payloadBounds) {
        return new SegmentAdapter(intake.aliases(), intake.timestampBounds().futureTolerance(), payloadBounds);
    }
}
