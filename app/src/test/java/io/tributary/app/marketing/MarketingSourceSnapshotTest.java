package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A long-lived marketing source is snapshotted, and its days' versions survive loading it from the snapshot. */
class MarketingSourceSnapshotTest extends MarketingEndToEnd {

    @Autowired
    EventStore eventStore;
    @Autowired
    Cache aggregateCache;

    @Test
    void keepsTheVersionOfEveryDayThroughASnapshot() {
        String id = connect("meta", "5200", null, Map.of());
        StringBuilder csv = new StringBuilder("date,campaign_id,spend\n");
        LocalDate first = LocalDate.parse("2025-01-01");
        for (int day = 0; day < 110; day++) {
            csv.append(first.plusDays(day)).append(",c1,").append(day).append(".00\n");
        }
        assertThat(importCsv(id, csv.toString()).json()).containsEntry("changedDays", 110);

        await().atMost(Duration.ofSeconds(60)).until(() -> firstPayloadType(id).equals("MarketingSource"));
        aggregateCache.removeAll();

        Api.Response again = importCsv(id, "date,campaign_id,spend\n2025-01-01,c1,0.00\n2025-01-02,c1,1.50\n");

        assertThat(again.json()).containsEntry("changedDays", 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(history(id, "2025-01-02")).extracting(v -> v.get("version"), v -> v.get("spend"))
                        .containsExactly(tuple(1, new BigDecimal("1.00")), tuple(2, new BigDecimal("1.50"))));
    }

    /** The type of the first message an aggregate loads from: its snapshot once there is one, read back. */
    private String firstPayloadType(String id) {
        DomainEventStream stream = eventStore.readEvents(id);
        return stream.hasNext() ? stream.peek().getPayload().getClass().getSimpleName() : "";
    }

    private Api.Response importCsv(String id, String csv) {
        return api.send("POST", "/api/marketing-sources/" + id + "/import", "text/csv", csv,
                "Authorization", "Bearer " + Api.ADMIN_TOKEN);
    }
}
