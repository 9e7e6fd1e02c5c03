package io.tributary.app.dashboard;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.quality.QualityWarning;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Links between the pages ({@code ${@links.entry(item)}}). */
@Component("links")
public class DashboardLinks {

    public String entry(EventLogItem item) {
        return EventLogPages.entryLink(item.recordId(), item.eventName(), at(item));
    }

    public String example(QualityWarning warning) {
        return warning.exampleRecordId() == null || warning.exampleAt() == null ? null
                : EventLogPages.entryLink(warning.exampleRecordId(), warning.eventName(), warning.exampleAt());
    }

    public String eventLog(String eventName, Instant from, Instant to) {
        return "/dashboard/events?" + (eventName == null ? "" : "eventName=" + encode(eventName) + "&")
                + "from=" + from + "&to=" + to;
    }

    public String profile(String profileId) {
        return profileId == null ? null : "/dashboard/profiles?q=" + encode(profileId);
    }

    /** The time that locates an entry in the log: its event time, or its receive time when it has none. */
    static Instant at(EventLogItem item) {
        return item.timestamp() != null ? item.timestamp() : item.receivedAt();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
