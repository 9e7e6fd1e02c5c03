package io.tributary.api.quality;

import java.time.Instant;
import java.util.List;

/**
 * One row per event name, one summary per source, and which properties each event name carries from each source.
 *
 * @param properties       per event name and source, every property seen with its fill rate, types and masked examples
 * @param identityWarnings merge magnets ({@code identity_magnet}): {@code property} is the alias or profile, {@code
 *                         detail} the kind of magnet, {@code count} how many profiles, limit hits or user ids
 * @param path             how it was answered: {@code "rollup"} (whole hours added up from the hour roll-ups, the
 *                         partial hours at the edges from facts) or {@code "exact"} (every fact of the period)
 */
public record DataQualityView(Instant from, Instant to, List<EventQualityView> events, List<SourceQualityView> sources,
                              List<EventPropertiesView> properties, List<QualityWarning> identityWarnings,
                              String path) {

    public DataQualityView {
        properties = properties == null ? List.of() : List.copyOf(properties);
        identityWarnings = identityWarnings == null ? List.of() : List.copyOf(identityWarnings);
    }

    public DataQualityView(Instant from, Instant to, List<EventQualityView> events, List<SourceQualityView> sources,
                           List<EventPropertiesView> properties, List<QualityWarning> identityWarnings) {
        this(from, to, events, sources, properties, identityWarnings, null);
    }

    public DataQualityView(Instant from, Instant to, List<EventQualityView> events, List<SourceQualityView> sources,
                           List<EventPropertiesView> properties) {
        this(from, to, events, sources, properties, List.of());
    }

    public DataQualityView(Instant from, Instant to, List<EventQualityView> events, List<SourceQualityView> sources) {
        this(from, to, events, sources, List.of());
    }

    public DataQualityView withProperties(List<EventPropertiesView> table) {
        return new DataQualityView(from, to, events, sources, table, identityWarnings, path);
    }

    public DataQualityView withIdentityWarnings(List<QualityWarning> warnings) {
        return new DataQualityView(from, to, events, sources, properties, warnings, path);
    }

    public DataQualityView withPath(String answeredBy) {
        return new DataQualityView(from, to, events, sources, properties, identityWarnings, answeredBy);
    }
}
