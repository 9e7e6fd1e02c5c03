package io.tributary.app.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Splits and quarantines with split ({@code tributary.identity.operations.*}).
 *
 * @param answerWithin how long a request waits for its operation before it answers 202 with the operation to poll
 *                     (1 s, so that every answer comes within 2 s on a loaded machine too); a request's
 *                     {@code ?wait=} may only ask for less
 * @param shutdownWait how long a stopping node lets running operations finish before it leaves them interrupted (30 s)
 */
@ConfigurationProperties("tributary.identity.operations")
public record IdentityOperationSettings(Duration answerWithin, Duration shutdownWait) {

    public IdentityOperationSettings {
        answerWithin = answerWithin == null ? Duration.ofSeconds(1) : answerWithin;
        shutdownWait = shutdownWait == null ? Duration.ofSeconds(30) : shutdownWait;
    }
}
