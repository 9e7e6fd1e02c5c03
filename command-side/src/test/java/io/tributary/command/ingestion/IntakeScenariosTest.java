package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.IntakeWorld.browser;
import static io.tributary.command.ingestion.IntakeWorld.server;
import static io.tributary.command.ingestion.IntakeWorld.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.command.support.InMemoryMongo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The intake's core decisions as given / when / then: given batches already decided, when one more batch arrives,
 * then the domain events it caused (and its outcomes) are these. One row per behaviour.
 */
class IntakeScenariosTest {

    private static final String PAGE = "Page Load";
    private static final String ORDER = "Placed Order";

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    /** What a scenario expects of the events and outcomes of its {@code when} batch. */
    @FunctionalInterface
    interface Then {
        void check(IntakeWorld world, List<Object> events, List<IngestionOutcome> outcomes);
    }

    record Scenario(List<List<Intake>> given, List<Intake> when, Then then) {
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                row("mergesTwoProfilesIntoTheOldest", new Scenario(
                        List.of(List.of(browser("r1", PAGE, "p1", 0, null, "urn:anonymous_id:a1")),
                                List.of(server("r2", "Signed Up", "s1", 30, "urn:email:ann@example.com"))),
                        List.of(server("r3", "Identified", "i1", 40, "urn:anonymous_id:a1", "urn:email:ann@example.com")),
                        (world, events, outcomes) -> {
                            ProfilesMerged survivorSide = only(events, ProfilesMerged.class).stream()
                                    .filter(ProfilesMerged::isSurvivorSide).findFirst().orElseThrow();
                            assertThat(survivorSide.survivorProfileId()).isEqualTo(world.profileOf("r1"));
                            assertThat(survivorSide.mergedProfileId()).isEqualTo(world.profileOf("r2"));
                            assertThat(outcomes.get(0).profileId()).isEqualTo(world.profileOf("r1"));
                        })),
                row("blocksAMergeThatWouldBreakALimit", new Scenario(
                        List.of(List.of(server("r1", "Signed Up", "s1", 0, "urn:user_id:u1")),
                                List.of(server("r2", "Signed Up", "s2", 10, "urn:user_id:u2"))),
                        List.of(server("r3", "Identified", "i1", 20, "urn:user_id:u1", "urn:user_id:u2")),
                        (world, events, outcomes) -> {
                            assertThat(only(events, ProfilesMerged.class)).isEmpty();
                            assertThat(only(events, MergeBlocked.class)).singleElement()
                                    .extracting(MergeBlocked::rule).isEqualTo("limit:user_id:1");
                            assertThat(outcomes.get(0).status()).isEqualTo(IngestionStatus.ACCEPTED);
                        })),
                row("recordsAPlaceholderValueAsBlockedAndNeverStitchesIt", new Scenario(
                        List.of(),
                        List.of(server("r1", "Signed Up", "s1", 0, "urn:user_id:u1", "urn:email:null")),
                        (world, events, outcomes) -> {
                            assertThat(only(events, AliasBlocked.class)).singleElement().satisfies(blocked -> {
                                assertThat(blocked.alias()).isEqualTo("urn:email:null");
                                assertThat(blocked.rule()).isEqualTo(IngestionHandler.BLOCKED_VALUE);
                            });
                            assertThat(only(events, ProfileCreated.class)).singleElement()
                                    .extracting(ProfileCreated::aliases).isEqualTo(List.of("urn:user_id:u1"));
                            assertThat(only(events, EventRecorded.class)).hasSize(1);
                        })),
                row("discardsARetryFromTheSameSource", new Scenario(
                        List.of(List.of(server("r1", ORDER, "o-1", 0, "urn:email:ann@example.com"))),
                        List.of(server("r2", ORDER, "o-1", 1, "urn:email:ann@example.com")),
                        (world, events, outcomes) -> {
                            assertThat(only(events, EventRecorded.class)).isEmpty();
                            assertThat(only(events, DuplicateDiscarded.class)).singleElement().satisfies(duplicate -> {
                                assertThat(duplicate.kind()).isEqualTo(DuplicateKind.SAME_SOURCE);
                                assertThat(duplicate.keptRecordId()).isEqualTo("r1");
                            });
                            assertThat(outcomes.get(0).status()).isEqualTo(IngestionStatus.DUPLICATE);
                        })),
                row("discardsACrossSourceCopyButStillStitchesItsAliases", new Scenario(
                        List.of(List.of(browser("r1", ORDER, "o-1", 0, "https://shop.test/thanks", "urn:anonymous_id:a1"))),
                        List.of(server("r2", ORDER, "o-1", 1, "urn:email:ann@example.com")),
                        (world, events, outcomes) -> {
                            assertThat(only(events, DuplicateDiscarded.class)).singleElement().satisfies(duplicate -> {
                                assertThat(duplicate.kind()).isEqualTo(DuplicateKind.CROSS_SOURCE);
                                assertThat(duplicate.keptRecordId()).isEqualTo("r1");
                                assertThat(duplicate.profileId()).isEqualTo(world.profileOf("r1"));
                            });
                            assertThat(only(events, AliasLinked.class)).singleElement().satisfies(linked -> {
                                assertThat(linked.alias()).isEqualTo("urn:email:ann@example.com");
                                assertThat(linked.profileId()).isEqualTo(world.profileOf("r1"));
                            });
                        })),
                row("startsANewSessionWhenTheTrafficSourceChanges", new Scenario(
                        List.of(List.of(browser("r1", PAGE, "p1", 0, "https://shop.test/?utm_source=google&utm_medium=cpc",
                                "urn:anonymous_id:a1"))),
                        List.of(browser("r2", PAGE, "p2", 5, "https://shop.test/?utm_source=newsletter&utm_medium=email",
                                "urn:anonymous_id:a1")),
                        (world, events, outcomes) -> {
                            EventRecorded recorded = only(events, EventRecorded.class).get(0);
                            assertThat(recorded.startsSession()).isTrue();
                            assertThat(recorded.sessionId()).isNotEqualTo(world.sessionOf("r1"));
                            assertThat(world.sessionsStarted()).extracting(s -> s.sessionId())
                                    .containsExactly(world.sessionOf("r1"), recorded.sessionId());
                        })),
                row("keepsTheSessionWhenTheTrafficSourceStaysTheSame", new Scenario(
                        List.of(List.of(browser("r1", PAGE, "p1", 0, "https://shop.test/?utm_source=google&utm_medium=cpc",
                                "urn:anonymous_id:a1"))),
                        List.of(browser("r2", PAGE, "p2", 5, "https://shop.test/cart", "urn:anonymous_id:a1")),
                        (world, events, outcomes) -> {
                            EventRecorded recorded = only(events, EventRecorded.class).get(0);
                            assertThat(recorded.startsSession()).isFalse();
                            assertThat(recorded.sessionId()).isEqualTo(world.sessionOf("r1"));
                        })),
                row("discardsAStoreRedeliveryWithTheRecordOfItsFirstDelivery", new Scenario(
                        List.of(List.of(store("r1", "o-1", "d-1", false, "urn:email:ann@example.com"))),
                        List.of(store("r2", "o-1", "d-1", false, "urn:email:ann@example.com", "urn:phone:+331234")),
                        (world, events, outcomes) -> {
                            assertThat(events).singleElement().isInstanceOfSatisfying(DuplicateDiscarded.class, d -> {
                                assertThat(d.kind()).isEqualTo(DuplicateKind.STORE_REDELIVERY);
                                assertThat(d.keptRecordId()).isEqualTo("r1");
                                assertThat(d.deliveryId()).isEqualTo("d-1");
                                assertThat(d.profileId()).isEqualTo(world.profileOf("r1"));
                            });
                            assertThat(outcomes.get(0).status()).isEqualTo(IngestionStatus.DUPLICATE_DELIVERY);
                        })),
                row("discardsTwoCopiesOfOneDeliveryInOneBatch", new Scenario(
                        List.of(),
                        List.of(store("r1", "o-1", "d-1", false, "urn:email:ann@example.com"),
                                store("r2", "o-1", "d-1", false, "urn:email:ann@example.com")),
                        (world, events, outcomes) -> {
                            assertThat(outcomes).extracting(IngestionOutcome::status)
                                    .containsExactly(IngestionStatus.ACCEPTED, IngestionStatus.DUPLICATE_DELIVERY);
                            assertThat(only(events, DuplicateDiscarded.class)).singleElement()
                                    .extracting(DuplicateDiscarded::keptRecordId).isEqualTo("r1");
                        })),
                row("discardsAnOrderTheStoreAlreadyRecorded", new Scenario(
                        List.of(List.of(store("r1", "o-1", "d-1", true, "urn:email:ann@example.com"))),
                        List.of(store("r2", "o-1", "d-2", true, "urn:email:ann@example.com", "urn:phone:+331234")),
                        (world, events, outcomes) -> {
                            assertThat(events).singleElement().isInstanceOfSatisfying(DuplicateDiscarded.class, d -> {
                                assertThat(d.kind()).isEqualTo(DuplicateKind.ALREADY_RECORDED);
                                assertThat(d.keptRecordId()).isEqualTo("r1");
                                assertThat(d.profileId()).isEqualTo(world.profileOf("r1"));
                            });
                            assertThat(outcomes.get(0).status()).isEqualTo(IngestionStatus.ALREADY_RECORDED);
                        })),
                row("recordsAnOrderAnotherSourceRecordedEvenForAStoreThatRepeatsOrders", new Scenario(
                        List.of(List.of(server("r1", ORDER, "o-1", 0, "urn:email:ann@example.com"))),
                        List.of(store("r2", "o-1", "d-1", true, "urn:email:ann@example.com")),
                        (world, events, outcomes) -> assertThat(only(events, DuplicateDiscarded.class)).singleElement()
                                .extracting(DuplicateDiscarded::kind).isEqualTo(DuplicateKind.CROSS_SOURCE))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void decides(Scenario scenario) {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        scenario.given().forEach(world::ingest);
        int before = world.recorded().size();

        List<IngestionOutcome> outcomes = world.ingest(scenario.when());

        List<Object> events = world.recorded().subList(before, world.recorded().size());
        scenario.then().check(world, events, outcomes);
    }

    private static Arguments row(String behaviour, Scenario scenario) {
        return Arguments.of(Named.of(behaviour, scenario));
    }

    private static <T> List<T> only(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
