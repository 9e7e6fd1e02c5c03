package io.tributary.api.eventlog;

import java.util.List;

public record EventLogPage(List<EventLogItem> items, String nextCursor) {
}
