package io.tributary.api.quality;

import java.time.Instant;
import java.util.List;

/** One row per event name, and one summary per source. */
public record DataQualityView(Instant from, Instant to, List<EventQualityView> events, List<SourceQualityView> sources) {
}
