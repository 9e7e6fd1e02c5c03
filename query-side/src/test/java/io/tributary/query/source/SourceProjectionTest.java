package io.tributary.query.source;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.FindSource;
import io.tributary.api.source.FindSources;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceRenamed;
import io.tributary.api.source.SourceTokenRotated;
import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import io.tributary.query.support.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.duplicate;
import static io.tributary.query.support.Fixtures.recorded;
import static io.tributary.query.support.Fixtures.rejected;
import static io.tributary.query.support.Fixtures.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SourceProjectionTest extends EmbeddedMongo {

    private SourceProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new SourceProjection(database);
    }

    @Test
    void followsTheSourceSettingsAndStatus() {
        projection.on(new SourceCreated("web", "Shop Storefront", SourceType.BROWSER, "tok1",
                List.of("https://shop.example"), at(0)));
        projection.on(new SourceRenamed("web", "Shop Web"));
        projection.on(new SourceTokenRotated("web", "tok1", "tok2", at(1)));
        projection.on(new SourceDisabled("web", at(2)));

        assertThat(projection.handle(new FindSource("web"))).isEqualTo(new SourceView("web", "Shop Web",
                SourceType.BROWSER, "tok2", "disabled", List.of("https://shop.example"), at(0), null, 0, 0, 0));

        projection.on(new SourceEnabled("web", at(3)));

        assertThat(projection.handle(new FindSource("web")).status()).isEqualTo("active");
        assertThat(projection.handle(new FindSource("nope"))).isNull();
    }

    @Test
    void countsEachRecordOnceByOutcomeAndKeepsTheLatestReceipt() {
        projection.on(new SourceCreated("web", "Web", SourceType.BROWSER, "t", List.of(), at(0)));
        IntStream.range(0, 300).forEach(i -> projection.on(recorded("r" + i, "p1", "web", null, at(i),
                tracked("$page_load", "e" + i, at(i)))));
        IntStream.range(0, 300).forEach(i -> projection.on(recorded("r" + i, "p1", "web", null, at(i),
                tracked("$page_load", "e" + i, at(i))))); // the whole batch redelivered
        projection.on(duplicate("d1", "p1", "web", at(400), "r1", DuplicateKind.SAME_SOURCE));
        projection.on(duplicate("d1", "p1", "web", at(400), "r1", DuplicateKind.SAME_SOURCE));
        projection.on(rejected("x1", "web", at(350), new FieldError("aliases", "required")));

        SourceView source = projection.handle(new FindSource("web"));

        assertThat(source.acceptedCount()).isEqualTo(300);
        assertThat(source.duplicateCount()).isEqualTo(1);
        assertThat(source.rejectedCount()).isEqualTo(1);
        assertThat(source.lastSeenAt()).isEqualTo(at(400));
    }

    @Test
    void listsSourcesInOrderOfCreationWithTheirOwnCounts() {
        projection.on(new SourceCreated("shop", "Backend", SourceType.SERVER, "t2", List.of(), at(5)));
        projection.on(new SourceCreated("web", "Storefront", SourceType.BROWSER, "t1", List.of(), at(1)));
        projection.on(rejected("x1", "shop", at(6), new FieldError("event_id", "required")));

        assertThat(projection.handle(new FindSources())).extracting(SourceView::id, SourceView::rejectedCount)
                .containsExactly(tuple("web", 0L),
                        tuple("shop", 1L));
    }

    @Test
    void resetClearsSourcesAndCounts() {
        projection.on(new SourceCreated("web", "Web", SourceType.BROWSER, "t", List.of(), at(0)));
        projection.on(rejected("x1", "web", at(6), new FieldError("event_id", "required")));

        projection.reset();

        assertThat(projection.handle(new FindSources())).isEmpty();
        projection.on(new SourceCreated("web", "Web", SourceType.BROWSER, "t", List.of(), at(0)));
        assertThat(projection.handle(new FindSource("web")).rejectedCount()).isZero();
    }
}
