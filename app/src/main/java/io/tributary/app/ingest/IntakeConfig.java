package io.tributary.app.ingest;

import io.tributary.api.intake.IntakeDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfig {

    @Bean
    TrackedEventReader trackedEventReader(IntakeDirectory intake) {
        return new TrackedEventReader(intake.aliases(), intake.timestampBounds(), Clock.systemUTC());
    }
}
