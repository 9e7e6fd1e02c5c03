package io.tributary.api.marketing;

import java.time.Instant;

/** @param fatal true when the platform refused for good (the source is in error), false for transient trouble */
public record MarketingErrorView(String message, boolean fatal, String syncId, Instant at) {
}
