package io.tributary.api.quality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One property of an event name from one source.
 *
 * @param property  the top-level name, or {@code name[].field} for fields of objects in a top-level array
 * @param count     accepted events in which it had a non-null value
 * @param fillRate  count as a share of the accepted events (0 to 1, four decimals)
 * @param types     the JSON types seen, with the number of events of each
 * @param typeDrift more than one type was seen
 * @param examples  a few distinct values, personal ones (emails, phones, names, addresses) masked
 */
public record PropertyStatsView(String property, long count, BigDecimal fillRate, Map<String, Long> types,
                                boolean typeDrift, List<String> examples) {
}
