package io.tributary.app.ingest;

import io.tributary.api.intake.IntakeDirectory;
import io.tributary.api.intake.PayloadBounds;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfig {

    @Bean
    TrackedEventReader trackedEventReader(IntakeDirectory intake, PayloadBounds payloadBounds) {
        return new TrackedEventReader(intake.aliases(), intake.timestampBounds(), payloadBounds, Clock.systemUTC());
    }

    @Bean
    PayloadBounds payloadBounds(IntakeLimitsProperties limits) {
        return new PayloadBounds(limits.toLimits());
    }
}
