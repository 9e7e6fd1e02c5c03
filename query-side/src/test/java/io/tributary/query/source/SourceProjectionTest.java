package io.tributary.query.source;

import io.tributary.api.backfill.BackfillCompleted;
import io.tributary.api.backfill.BackfillFailed;
import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.backfill.BackfillStarted;
import io.tributary.api.backfill.BackfillView;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.CommerceView;
import io.tributary.api.source.FindSource;
import io.tributary.api.source.FindSources;
import io.tributary.api.source.SigningSecretRotated;
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

    @Test
    void showsAStoreConnectionWithItsSecretsMasked() {
        projection.on(new SourceCreated("shop", "Acme backend", SourceType.SHOPIFY, "t", List.of(), at(0)));
        projection.on(new CommerceStoreConnected("shop", SourceType.SHOPIFY, new CommerceStore("acme.myshopify.com",
                "whsec-0123456789abcdef", "shpat_0123456789abcdef", null, "short"), at(0)));

        assertThat(projection.handle(new FindSource("shop")).commerce()).isEqualTo(new CommerceView(
                "acme.myshopify.com", "/api/shopify/shop", "****cdef", "****cdef", null, "****", null, null));

        projection.on(new SigningSecretRotated("shop", "whsec-0123456789abcdef", "whsec-new-secret-9876", at(10),
                at(5)));

        CommerceView rotated = projection.handle(new FindSource("shop")).commerce();
        assertThat(rotated.signingSecret()).isEqualTo("****9876");
        assertThat(rotated.secretRotatedAt()).isEqualTo(at(5));
        assertThat(rotated.previousSecretValidUntil()).isEqualTo(at(10));
        assertThat(projection.handle(new FindSource("shop")).toString()).doesNotContain("0123456789", "new-secret");
    }

    @Test
    void showsTheMaskedCopiesOfSealedSecretsAndNeverTheSealedValues() {
        String sealed = "enc:v1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIj";
        projection.on(new SourceCreated("shop", "Acme backend", SourceType.SHOPIFY, "t", List.of(), at(0)));
        projection.on(new CommerceStoreConnected("shop", SourceType.SHOPIFY, new CommerceStore("acme.myshopify.com",
                sealed, sealed, null, null), at(0), new CommerceStore("acme.myshopify.com", "****cdef", "****6789",
                null, null)));

        assertThat(projection.handle(new FindSource("shop")).commerce()).isEqualTo(new CommerceView(
                "acme.myshopify.com", "/api/shopify/shop", "****cdef", "****6789", null, null, null, null));

        projection.on(new SigningSecretRotated("shop", sealed, sealed, at(10), at(5), "****9876"));
        projection.on(new SigningSecretRotated("shop", sealed, sealed, at(20), at(15), null));

        assertThat(projection.handle(new FindSource("shop")).commerce().signingSecret())
                .as("a sealed secret without its masked copy is masked whole").isEqualTo("****");
        assertThat(projection.handle(new FindSource("shop")).toString()).doesNotContain("enc:v1");
    }

    @Test
    void followsABackfillCountingEachPageOnce() {
        projection.on(new SourceCreated("shop", "Acme", SourceType.WOOCOMMERCE, "t", List.of(), at(0)));
        projection.on(new BackfillStarted("shop", "b1", at(-100), at(1)));
        BackfillPageImported first = new BackfillPageImported("shop", "b1", 1, null, "2", 3, 2, 1, 0, at(2));
        projection.on(first);
        projection.on(first);
        projection.on(new BackfillStarted("shop", "b1", at(-100), at(1)));

        assertThat(projection.handle(new FindSource("shop")).backfill()).isEqualTo(new BackfillView("b1", "running",
                at(-100), at(1), null, 1, 3, 2, 1, 0, null));

        projection.on(new BackfillPageImported("shop", "b1", 2, "2", null, 2, 1, 0, 1, at(3)));
        projection.on(new BackfillCompleted("shop", "b1", 2, 5, 3, 1, 1, at(3)));

        assertThat(projection.handle(new FindSource("shop")).backfill()).isEqualTo(new BackfillView("b1", "completed",
                at(-100), at(1), at(3), 2, 5, 3, 1, 1, null));
    }

    @Test
    void aNewBackfillReplacesTheLastOneAndAFailureKeepsItsReason() {
        projection.on(new SourceCreated("shop", "Acme", SourceType.SHOPIFY, "t", List.of(), at(0)));
        projection.on(new BackfillStarted("shop", "b1", at(-100), at(1)));
        projection.on(new BackfillPageImported("shop", "b1", 1, null, "x", 3, 3, 0, 0, at(2)));
        projection.on(new BackfillStarted("shop", "b2", at(-50), at(5)));
        projection.on(new BackfillFailed("shop", "b2", 1, "401 Unauthorized", at(6)));

        BackfillView backfill = projection.handle(new FindSource("shop")).backfill();
        assertThat(backfill.backfillId()).isEqualTo("b2");
        assertThat(backfill.status()).isEqualTo("failed");
        assertThat(backfill.orders()).isZero();
        assertThat(backfill.error()).isEqualTo("401 Unauthorized");
    }
}
