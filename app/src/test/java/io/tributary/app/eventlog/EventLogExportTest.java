package io.tributary.app.eventlog;

import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventLogExportTest {

    @LocalServerPort
    int port;

    @Test
    void exportsEveryMatchingEntryBeyondThePageCapNewestFirst() {
        Api api = new Api(port);
        Map<String, Object> source = api.createSource("export web " + UUID.randomUUID(), "browser");
        String token = (String) source.get("token");
        String sourceId = (String) source.get("id");
        String alias = "urn:anonymous_id:" + UUID.randomUUID();
        for (int batch = 0; batch < 3; batch++) {
            int first = batch * 350;
            List<Map<String, Object>> events = IntStream.range(first, first + 350)
                    .mapToObj(i -> pixel("Viewed Product", "view-" + sourceId + "-" + i, "https://shop.example/p/" + i, null, List.of(alias)))
                    .toList();
            assertThat(api.collect(token, events).status()).isEqualTo(200);
        }
        assertThat(api.collect(token, List.of(pixel("Added To Cart", null, "https://shop.example/cart", null, List.of(alias))))
                .status()).isEqualTo(200);
        String path = "/api/events/export.csv?sourceId=" + sourceId + "&eventName=Viewed%20Product";

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows(api.get(path).body())).hasSize(1050));

        Api.Response export = api.get(path);
        List<CSVRecord> rows = rows(export.body());
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).contains("events.csv");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("accepted");
            assertThat(row.get("eventName")).isEqualTo("Viewed Product");
            assertThat(row.get("aliases")).isEqualTo(alias);
        });
        assertThat(rows.get(0).get("receivedAt")).isGreaterThanOrEqualTo(rows.get(rows.size() - 1).get("receivedAt"));
        assertThat(rows.get(0).get("properties")).contains("https://shop.example/p/");
    }

    @Test
    void namesBadFiltersAndNeedsTheAdminToken() {
        Api api = new Api(port);

        Api.Response bad = api.get("/api/events/export.csv?status=lost&from=yesterday");
        Api.Response anonymous = api.send("GET", "/api/events/export.csv", null, null);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"status\"").contains("\"field\":\"from\"");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static List<CSVRecord> rows(String csv) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
