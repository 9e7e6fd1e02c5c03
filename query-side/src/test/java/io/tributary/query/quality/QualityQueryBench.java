package io.tributary.query.quality;

import io.tributary.api.quality.FindDataQuality;
import io.tributary.api.report.ReportPath;
import io.tributary.query.bench.ShopStream;
import io.tributary.query.support.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The data-quality query alone (no HTTP, no identity magnets), both paths over 1, 7 and 30 days, on a generated shop
 * about as dense as the bench's (tens of records per hour), in the embedded store in memory, after a warm-up. Not a unit test: run
 * {@code mvn -o -q -pl query-side -am test -Dtest=QualityQueryBench -Dtributary.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints p50 / p95 per figure.
 */
@EnabledIfSystemProperty(named = "tributary.bench", matches = "true")
class QualityQueryBench extends EmbeddedMongo {

    private static final int WARM_UP = 10;
    private static final int REPEATS = 30;

    @Test
    void measureBothPaths() {
        List<Object> shop = QualityRollupsDifferentialTest.qualityEvents(
                ShopStream.generate(17, Integer.getInteger("tributary.bench.events", 20_000), 120_000));
        DataQualityProjection projection = new DataQualityProjection(database, QualitySettings.defaults());
        long started = System.nanoTime();
        QualityRollupsDifferentialTest.deliver(projection, shop, new Random(1));
        Instant end = QualityRollupsDifferentialTest.timesOf(shop).max(Comparator.naturalOrder()).orElseThrow();
        System.out.printf("%d events handled in %.1f s; %d facts, %d hour documents%n", shop.size(),
                (System.nanoTime() - started) / 1e9, database.getCollection("quality_facts").countDocuments(),
                database.getCollection(QualityRollups.HOURS).countDocuments());
        for (int i = 0; i < WARM_UP; i++) {
            for (String path : List.of(ReportPath.ROLLUP, ReportPath.EXACT)) {
                projection.handle(new FindDataQuality(end.minus(Duration.ofDays(7)), end, end, path));
            }
        }
        for (int days : List.of(1, 7, 30)) {
            for (String path : List.of(ReportPath.ROLLUP, ReportPath.EXACT)) {
                FindDataQuality query = new FindDataQuality(end.minus(Duration.ofDays(days)), end, end, path);
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < REPEATS; i++) {
                    long start = System.nanoTime();
                    projection.handle(query);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                millis.sort(Comparator.naturalOrder());
                System.out.printf("data quality, %d days, %s: p50 %.1f ms, p95 %.1f ms%n", days, path,
                        millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
            }
        }
    }
}
