package io.tributary.app.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the read models' processors split their work.
 *
 * @param segments the segments of each read model that may split ({@link ReadModelSequencing#SPLITTABLE}); the
 *                 others always run one. A store whose tokens have fewer is split on start (see docs/scale-out.md)
 */
@ConfigurationProperties("tributary.processing")
public record ProcessingProperties(Integer segments) {

    public ProcessingProperties {
        segments = segments == null ? 2 : segments;
        if (segments < 1 || segments > 64) {
            throw new IllegalArgumentException("tributary.processing.segments must be 1..64, was " + segments);
        }
    }

    /** How many segments this processor should have. */
    public int segmentsOf(String processor) {
        return ReadModelSequencing.splittable(processor) ? segments : 1;
    }
}
