package io.tributary.api.quality;

import java.util.List;

/**
 * The properties one event name carried from one source over the period.
 *
 * @param acceptedCount the accepted events the fill rates are shares of
 * @param properties    the most often filled properties first, at most a fixed number of them
 * @param truncated     more properties were seen than are listed
 */
public record EventPropertiesView(String eventName, String sourceId, String sourceName, long acceptedCount,
                                  List<PropertyStatsView> properties, boolean truncated) {
}
