package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Both marketing read models rebuild by replay to what they were, restatements included. */
class MarketingRebuildTest extends MarketingEndToEnd {

    @Test
    void rebuildsTheMetricsAndTheSourcesByReplay() {
        String id = connect("meta", "5300", null, Map.of());
        importCsv(id, "date,campaign_id,ad_id,spend,impressions,clicks\n2026-04-01,c1,a1,10.00,100,4\n"
                + "2026-04-02,c1,a1,20.00,200,5\n");
        importCsv(id, "date,campaign_id,ad_id,spend,impressions,clicks\n2026-04-02,c1,a1,21.00,200,5\n");
        List<Tuple> expected = List.of(tuple("2026-04-01", new BigDecimal("10.00")),
                tuple("2026-04-02", new BigDecimal("21.00")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(metrics(id, "2026-04-01", "2026-04-02", "day")).extracting(l -> l.get("date"),
                        l -> l.get("spend")).containsExactlyElementsOf(expected));

        // a rebuild clears the read model (reset handler) before it answers; what is read afterwards was replayed
        assertThat(api.admin("POST", "/api/projections/marketing-metrics/rebuild", null).status()).isEqualTo(202);
        assertThat(api.admin("POST", "/api/projections/marketing-sources/rebuild", null).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(metrics(id, "2026-04-01", "2026-04-02", "day")).extracting(l -> l.get("date"),
                    l -> l.get("spend")).containsExactlyElementsOf(expected);
            assertThat(history(id, "2026-04-02")).extracting(v -> v.get("version")).containsExactly(1, 2);
            assertThat(source(id)).containsEntry("rowsSynced", 2).containsEntry("daysSynced", 2);
        });
    }

    private void importCsv(String id, String csv) {
        Api.Response imported = api.send("POST", "/api/marketing-sources/" + id + "/import", "text/csv", csv,
                "Authorization", "Bearer " + Api.ADMIN_TOKEN);
        assertThat(imported.status()).isEqualTo(200);
    }
}
