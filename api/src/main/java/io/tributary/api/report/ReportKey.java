package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The group keys of a report row; only the keys of its grouping are set. {@code campaignId}, {@code adSetId} and
 * {@code adId} are set when the first-party value matched an ad-platform entity (then the name is the platform's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportKey(LocalDate date, String channelGroup, String channel, String platform, String campaign,
                        String campaignId, String adSet, String adSetId, String ad, String adId) {
}
