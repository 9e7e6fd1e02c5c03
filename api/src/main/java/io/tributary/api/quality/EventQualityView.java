package io.tributary.api.quality;

import java.math.BigDecimal;
import java.util.List;

/**
 * The health of one event name over the period.
 *
 * @param trackingMethod            browser, server or both (from the sources that sent it)
 * @param count                     every record received: accepted, duplicate and rejected
 * @param perHour                   count divided by the hours of the period
 * @param stitchingRate             accepted server events stitched to a web session when recorded, as a share;
 *                                  null when no server event was accepted
 * @param stitchingBelowThreshold   the stitching rate is under the healthy threshold (95% by default)
 * @param delayedStitchCount        server events recorded unstitched, stitched later (a merge or a late browser
 *                                  session)
 * @param dedupRate                 accepted events whose copy from another source was discarded as a duplicate,
 *                                  as a share of the accepted ones; null unless tracked by browser and server
 * @param hourly                    the records per hour of event time, hours without records left out
 */
public record EventQualityView(String eventName, String trackingMethod, long count, BigDecimal perHour,
                               long acceptedCount, long duplicateCount, long rejectedCount,
                               long conflictingDuplicateCount, BigDecimal stitchingRate,
                               boolean stitchingBelowThreshold, long delayedStitchCount, BigDecimal dedupRate,
                               List<QualityWarning> warnings, List<HourlyVolume> hourly) {
}
