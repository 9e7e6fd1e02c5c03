package io.tributary.api.quality;

import java.time.Instant;
import java.util.List;

/**
 * One row per event name, one summary per source, and which properties each event name carries from each source.
 *
 * @param properties per event name and source, every property seen with its fill rate, types and masked examples
 */
public record DataQualityView(Instant from, Instant to, List<EventQualityView> events, List<SourceQualityView> sources,
                              List<EventPropertiesView> properties) {

    public DataQualityView {
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    public DataQualityView(Instant from, Instant to, List<EventQualityView> events, List<SourceQualityView> sources) {
        this(from, to, events, sources, List.of());
    }

    public DataQualityView withProperties(List<EventPropertiesView> table) {
        return new DataQualityView(from, to, events, sources, table);
    }
}
