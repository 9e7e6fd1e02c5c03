package io.tributary.command.source;

import io.tributary.api.backfill.BackfillCompleted;
import io.tributary.api.backfill.BackfillFailed;
import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.backfill.BackfillStarted;
import io.tributary.api.backfill.FailBackfill;
import io.tributary.api.backfill.RecordBackfillPage;
import io.tributary.api.backfill.StartBackfill;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.CreateCommerceSource;
import io.tributary.api.source.RotateSigningSecret;
import io.tributary.api.source.SigningSecretRotated;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommerceSourceTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant SINCE = Instant.parse("2024-01-01T00:00:00Z");
    private static final CommerceStore SHOP = new CommerceStore("acme.myshopify.com", "secret-1", "shpat_1", null, null);
    private static final CommerceStore NO_API = new CommerceStore("acme.myshopify.com", "secret-1", null, null, null);

    private static final CommerceStore WOO = new CommerceStore("https://shop.example", "whsec-0123456789abcdef",
            null, "ck_0123456789abcdef", "cs_0123456789abcdef");
    private static final SecretBox BOX = SecretBox.fromKey(SecretBox.generateKey());

    private AggregateTestFixture<Source> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Source.class);
        fixture.registerInjectableResource(BOX);
    }

    @Test
    void connectsTheStoreWithItsSecretsSealedAndMasked() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommerceSource("shop", "Acme", SourceType.WOOCOMMERCE, "tok", WOO, AT))
                .expectEventsMatching(events(
                        event -> event instanceof SourceCreated,
                        event -> event instanceof CommerceStoreConnected connected
                                && allSealed(connected.store())
                                && connected.store().withSecrets(BOX::open).equals(WOO)
                                && connected.maskedStore().equals(new CommerceStore("https://shop.example",
                                        "****cdef", null, "****cdef", "****cdef"))));
    }

    @Test
    void keepsThePreviousSecretValidForTheGracePeriod() {
        fixture.given(created(), connected(SHOP))
                .when(new RotateSigningSecret("shop", "secret-2", Duration.ofHours(1), AT))
                .expectEventsMatching(events(event -> rotated(event, "secret-1", "secret-2", AT.plusSeconds(3600))))
                .expectResultMessagePayload(true);
    }

    @Test
    void rotatesFromTheLatestSecret() {
        fixture.given(created(), connected(SHOP),
                        new SigningSecretRotated("shop", BOX.seal("secret-1"), BOX.seal("secret-2"), AT, AT))
                .when(new RotateSigningSecret("shop", "secret-3", Duration.ZERO, AT))
                .expectEventsMatching(events(event -> rotated(event, "secret-2", "secret-3", AT)));
    }

    @Test
    void rotatesFromASecretStoredInClearByAnOlderVersionAndSealsIt() {
        fixture.given(created(), connected(SHOP))
                .when(new RotateSigningSecret("shop", "secret-new-0123456789", Duration.ZERO, AT))
                .expectEventsMatching(events(event -> rotated(event, "secret-1", "secret-new-0123456789", AT)
                        && "****6789".equals(((SigningSecretRotated) event).maskedSigningSecret())));
    }

    @Test
    void startsABackfillOnlyWhenNoneIsRunning() {
        fixture.given(created(), connected(SHOP), new BackfillStarted("shop", "b1", SINCE, AT))
                .when(new StartBackfill("shop", "b2", SINCE, AT))
                .expectNoEvents()
                .expectResultMessagePayload("b1");
    }

    @Test
    void startsABackfillAfterTheLastOneEnded() {
        fixture.given(created(), connected(SHOP), new BackfillStarted("shop", "b1", SINCE, AT),
                        new BackfillFailed("shop", "b1", 1, "401", AT))
                .when(new StartBackfill("shop", "b2", SINCE, AT))
                .expectEvents(new BackfillStarted("shop", "b2", SINCE, AT))
                .expectResultMessagePayload("b2");
    }

    @Test
    void cannotBackfillAStoreWithoutApiCredentials() {
        fixture.given(created(), connected(NO_API))
                .when(new StartBackfill("shop", "b1", SINCE, AT))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void recordsEachPageOnceAndInOrder() {
        fixture.given(created(), connected(SHOP), new BackfillStarted("shop", "b1", SINCE, AT),
                        imported(1, null, "c2", 3, 2, 1))
                .when(new RecordBackfillPage("shop", "b1", 1, null, "c2", 3, 0, 3, 0, AT))
                .expectNoEvents();
    }

    @Test
    void ignoresAPageThatSkipsAhead() {
        fixture.given(created(), connected(SHOP), new BackfillStarted("shop", "b1", SINCE, AT))
                .when(new RecordBackfillPage("shop", "b1", 2, "c2", null, 3, 3, 0, 0, AT))
                .expectNoEvents();
    }

    @Test
    void completesWithTheTotalsOfEveryPageOnTheLastPage() {
        fixture.given(created(), connected(SHOP), new BackfillStarted("shop", "b1", SINCE, AT),
                        imported(1, null, "c2", 3, 2, 1))
                .when(new RecordBackfillPage("shop", "b1", 2, "c2", null, 2, 2, 0, 1, AT))
                .expectEvents(new BackfillPageImported("shop", "b1", 2, "c2", null, 2, 2, 0, 1, AT),
                        new BackfillCompleted("shop", "b1", 2, 5, 4, 1, 1, AT));
    }

    @Test
    void failsOnlyTheRunningBackfill() {
        fixture.given(created(), connected(SHOP), new BackfillStarted("shop", "b1", SINCE, AT))
                .when(new FailBackfill("shop", "b0", 1, "401", AT))
                .expectNoEvents();
    }

    @SafeVarargs
    private static org.hamcrest.Matcher<List<EventMessage<?>>> events(Predicate<Object>... expected) {
        return Matchers.matches(events -> {
            if (events.size() != expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (!expected[i].test(events.get(i).getPayload())) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean rotated(Object event, String previous, String current, Instant validUntil) {
        return event instanceof SigningSecretRotated rotated
                && SecretBox.isSealed(rotated.previousSecret()) && SecretBox.isSealed(rotated.signingSecret())
                && BOX.open(rotated.previousSecret()).equals(previous) && BOX.open(rotated.signingSecret()).equals(current)
                && rotated.previousValidUntil().equals(validUntil);
    }

    private static boolean allSealed(CommerceStore store) {
        return SecretBox.isSealed(store.signingSecret()) && SecretBox.isSealed(store.consumerKey())
                && SecretBox.isSealed(store.consumerSecret()) && store.adminApiToken() == null;
    }

    private static SourceCreated created() {
        return new SourceCreated("shop", "Acme", SourceType.SHOPIFY, "tok", List.of(), AT);
    }

    private static CommerceStoreConnected connected(CommerceStore store) {
        return new CommerceStoreConnected("shop", SourceType.SHOPIFY, store, AT);
    }

    private static BackfillPageImported imported(int page, String cursor, String next, int orders, int imported,
                                                 int alreadyPresent) {
        return new BackfillPageImported("shop", "b1", page, cursor, next, orders, imported, alreadyPresent, 0, AT);
    }
}
