package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV import through HTTP: good lines import, each bad line is answered with its own errors. */
class MarketingCsvImportTest extends MarketingEndToEnd {

    private static final String CSV = """
            date,campaign_id,campaign_name,adset_id,adset_name,ad_id,ad_name,spend,impressions,clicks,conversions,conversion_value
            2026-03-01,p1,Pins Spring,ps1,Board,pa1,Pin A,10.50,1000,20,1,45.00
            2026-03-01,p1,Pins Spring,ps1,Board,pa2,Pin B,4.50,500,0,0,0
            2026-03-02,p1,Pins Spring,ps1,Board,pa1,Pin A,twelve,1000,20,1,45.00
            2026-03-02,p1,Pins Spring,ps1,Board,pa2,Pin B,3.00,250,5,0,0
            """;

    @Test
    @SuppressWarnings("unchecked")
    void importsTheGoodLinesAndAnswersEachBadLineWithItsErrors() {
        String id = importOnlySource();

        Api.Response imported = importCsv(id, CSV);

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json()).containsEntry("imported", 3).containsEntry("changedDays", 2);
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) imported.json().get("rejected");
        assertThat(rejected).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("line", 4);
            assertThat((List<Map<String, Object>>) line.get("errors")).extracting(e -> e.get("field"))
                    .containsExactly("spend");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(metrics(id, "2026-03-01", "2026-03-02", "day"))
                    .extracting(l -> l.get("date"), l -> l.get("spend"), l -> l.get("clicks"), l -> l.get("ctr"),
                            l -> l.get("cpc"))
                    .containsExactly(tuple("2026-03-01", new BigDecimal("15.00"), 20, new BigDecimal("0.013333"),
                                    new BigDecimal("0.7500")),
                            tuple("2026-03-02", new BigDecimal("3.00"), 5, new BigDecimal("0.020000"),
                                    new BigDecimal("0.6000")));
            assertThat(source(id)).containsEntry("rowsSynced", 3);
            assertThat((Map<String, Object>) source(id).get("lastImport")).containsEntry("rejectedLines", 1);
        });
    }

    @Test
    void reimportingAChangedDayMakesANewVersionAndAnUnchangedDayNothing() {
        String id = importOnlySource();
        importCsv(id, CSV);

        Api.Response again = importCsv(id, CSV.replace("3.00,250,5", "3.10,250,5"));

        assertThat(again.json()).containsEntry("changedDays", 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(history(id, "2026-03-02")).extracting(v -> v.get("version"), v -> v.get("spend"))
                    .containsExactly(tuple(1, new BigDecimal("3.00")), tuple(2, new BigDecimal("3.10")));
            assertThat(history(id, "2026-03-01")).extracting(v -> v.get("version")).containsExactly(1);
        });
    }

    @Test
    void refusesAFileWithoutTheRequiredColumnsNamingThem() {
        String id = importOnlySource();

        Api.Response refused = importCsv(id, "day,campaign_id,cost\n2026-03-01,p1,1\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"date\"", "\"field\":\"spend\"").doesNotContain("campaign_id\"");
    }

    @Test
    void answersAFileOfOnlyBadLinesWith400AndEveryLine() {
        String id = importOnlySource();

        Api.Response refused = importCsv(id, "date,campaign_id,spend\n2026-03-01,,1\n2026-03-01,p1,-1\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("imported", 0);
        assertThat(refused.body()).contains("\"line\":2", "\"line\":3");
    }

    @Test
    void refusesAnotherContentType() {
        String id = importOnlySource();

        Api.Response refused = api.send("POST", "/api/marketing-sources/" + id + "/import", "application/json", "{}",
                "Authorization", "Bearer " + Api.ADMIN_TOKEN);

        assertThat(refused.status()).isEqualTo(415);
    }

    private String importOnlySource() {
        return connect("meta", "5001", null, Map.of());
    }

    private Api.Response importCsv(String id, String csv) {
        return api.send("POST", "/api/marketing-sources/" + id + "/import", "text/csv", csv,
                "Authorization", "Bearer " + Api.ADMIN_TOKEN);
    }
}
