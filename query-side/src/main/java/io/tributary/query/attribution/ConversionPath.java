package io.tributary.query.attribution;

import java.time.Instant;
import java.util.List;

/**
 * Everything a model needs about one conversion.
 *
 * @param convertingSessionId the session the conversion happened in (null when none)
 * @param sessions            the sessions of the converting profile after all merges, in any order
 * @param ownMetadata         the classification of the order's own landing_site / referring_site (null when absent)
 */
public record ConversionPath(Instant convertedAt, String convertingSessionId, List<Touchpoint> sessions,
                             Touch ownMetadata) {
}
