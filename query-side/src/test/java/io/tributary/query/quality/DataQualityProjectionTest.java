package io.tributary.query.quality;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.evidence;
import static io.tributary.query.support.Fixtures.mergedSide;
import static io.tributary.query.support.Fixtures.survivorSide;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.quality.DataQualityView;
import io.tributary.api.quality.EventQualityView;
import io.tributary.api.quality.FindDataQuality;
import io.tributary.api.quality.SourceQualityView;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceType;
import io.tributary.query.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataQualityProjectionTest extends EmbeddedMongo {

    private static final Map<String, Object> ORDER = Map.of("id", "o1", "total_price", "10.00", "currency", "EUR",
            "items", List.of(Map.of("product_id", "p1", "price", "10.00", "quantity", 1)));

    private DataQualityProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new DataQualityProjection(database, QualitySettings.defaults());
    }

    @Test
    void countsServerEventsStitchedOnlyThroughALaterMergeAsDelayed() {
        projection.on(browser("r1", "p1", at(0), true));
        projection.on(server("r2", "p2", "Placed Order", ORDER, at(600), false));
        projection.on(server("r3", "p3", "Placed Order", ORDER, at(700), false));
        projection.on(server("r4", "p1", "Placed Order", ORDER, at(800), true));
        projection.on(mergedSide("p1", "p2", evidence("r9", at(900))));
        projection.on(survivorSide("p1", "p2", List.of(), Map.of(), evidence("r9", at(900))));

        EventQualityView order = event(report(), "Placed Order");

        assertThat(order.trackingMethod()).isEqualTo("server");
        assertThat(order.acceptedCount()).isEqualTo(3);
        assertThat(order.stitchingRate()).isEqualByComparingTo("0.3333");
        assertThat(order.delayedStitchCount()).isEqualTo(1);
        assertThat(order.stitchingBelowThreshold()).isTrue();
        assertThat(order.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("low_stitching_rate");
            assertThat(w.count()).isEqualTo(2);
            assertThat(w.exampleRecordId()).isEqualTo("r3");
        });
    }

    @Test
    void countsAServerEventAsDelayedWhenABrowserSessionThatStartedBeforeItArrivesLater() {
        projection.on(server("r1", "p1", "Placed Order", ORDER, at(600), false));
        projection.on(server("r2", "p2", "Placed Order", ORDER, at(600), false));
        projection.on(browser("r3", "p1", at(300), true));
        projection.on(browser("r4", "p2", at(900), true));

        assertThat(event(report(), "Placed Order").delayedStitchCount()).isEqualTo(1);
    }

    @Test
    void redeliveryCountsOnceAndKeepsTheDelayedMark() {
        EventRecorded order = server("r1", "p2", "Placed Order", ORDER, at(600), false);
        projection.on(order);
        projection.on(browser("r2", "p2", at(0), true));
        projection.on(order);

        EventQualityView view = event(report(), "Placed Order");
        assertThat(view.count()).isEqualTo(1);
        assertThat(view.delayedStitchCount()).isEqualTo(1);
    }

    @Test
    void flagsAPropertySeenWithAnotherTypeThanUsual() {
        projection.on(server("r1", "p1", "Placed Order", ORDER, at(1), true));
        projection.on(server("r2", "p1", "Placed Order", ORDER, at(2), true));
        projection.on(server("r3", "p1", "Placed Order", with("total_price", new BigDecimal("10.00")), at(3), true));

        assertThat(event(report(), "Placed Order").warnings()).singleElement().satisfies(w -> {
            assertThat(w.property()).isEqualTo("total_price");
            assertThat(w.kind()).isEqualTo("type_drift");
            assertThat(w.count()).isEqualTo(1);
            assertThat(w.exampleRecordId()).isEqualTo("r3");
            assertThat(w.detail()).isEqualTo("seen as number (1), string (2); mostly string");
        });
    }

    @Test
    void flagsSourcesThatUsedToSendButWentQuiet() {
        projection.on(new SourceCreated("quiet", "Old pixel", SourceType.BROWSER, "t1", List.of("*"), at(0)));
        projection.on(new SourceCreated("busy", "Shop server", SourceType.SERVER, "t2", List.of("*"), at(0)));
        projection.on(new SourceCreated("new", "Not installed", SourceType.SERVER, "t3", List.of("*"), at(0)));
        projection.on(browser("r1", "p1", at(0), true));
        projection.on(server("r2", "p2", "Placed Order", ORDER, at(3 * 3600), false));
        projection.on(server("r3", "p2", "Placed Order", ORDER, at(30 * 3600), false));
        Instant asOf = at(26 * 3600);

        DataQualityView view = projection.handle(new FindDataQuality(at(-3600), asOf, asOf));

        assertThat(source(view, "quiet").silent()).isTrue();
        assertThat(source(view, "quiet").warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("silent");
            assertThat(w.count()).isEqualTo(26);
        });
        assertThat(source(view, "busy").silent()).as("its last record before asOf was 23 h earlier").isFalse();
        assertThat(source(view, "busy").lastSeen()).isEqualTo(at(3 * 3600 + 1));
        assertThat(source(view, "new").silent()).isFalse();
        assertThat(source(view, "new").lastSeen()).isNull();
        assertThat(source(view, "new").count()).isZero();
    }

    @Test
    void resetForgetsEverything() {
        projection.on(server("r1", "p1", "Placed Order", ORDER, at(1), true));
        projection.reset();

        assertThat(report().events()).isEmpty();
        assertThat(report().sources()).isEmpty();
    }

    private DataQualityView report() {
        return projection.handle(new FindDataQuality(at(-3600), at(48 * 3600), at(48 * 3600)));
    }

    private static EventQualityView event(DataQualityView view, String name) {
        return view.events().stream().filter(e -> name.equals(e.eventName())).findFirst().orElseThrow();
    }

    private static SourceQualityView source(DataQualityView view, String id) {
        return view.sources().stream().filter(s -> id.equals(s.sourceId())).findFirst().orElseThrow();
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(ORDER);
        copy.put(key, value);
        return copy;
    }

    private static EventRecorded browser(String recordId, String profileId, Instant at, boolean startsSession) {
        TrackedEvent event = new TrackedEvent("$page_load", "ev-" + recordId, Map.of("$url", "https://shop.example/"),
                Map.of(), List.of("urn:anonymous_id:" + profileId), at, null, List.of());
        return new EventRecorded(profileId, recordId, "quiet", SourceType.BROWSER, at, event, "fp", "s-" + recordId,
                startsSession, null, true);
    }

    private static EventRecorded server(String recordId, String profileId, String name, Map<String, Object> properties,
                                        Instant at, boolean stitched) {
        TrackedEvent event = new TrackedEvent(name, "ev-" + recordId, properties, Map.of(),
                List.of("urn:email:" + profileId + "@example.com"), at, null, List.of());
        return new EventRecorded(profileId, recordId, "busy", SourceType.SERVER, at.plus(Duration.ofSeconds(1)), event,
                "fp", null, false, null, stitched);
    }
}
