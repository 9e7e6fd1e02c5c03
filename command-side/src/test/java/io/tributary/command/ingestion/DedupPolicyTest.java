package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.DedupFixtures.BACKEND;
import static io.tributary.command.ingestion.DedupFixtures.FINGERPRINT;
import static io.tributary.command.ingestion.DedupFixtures.KEPT_AT;
import static io.tributary.command.ingestion.DedupFixtures.WEB;
import static io.tributary.command.ingestion.DedupFixtures.daysAfterKept;
import static io.tributary.command.ingestion.DedupFixtures.kept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.TrackedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DedupPolicyTest {

    private static final String PAGE_VIEWED = "Page Viewed";
    private static final String PLACED_ORDER = TrackedEvent.PLACED_ORDER;

    private final DedupPolicy policy = DedupPolicy.defaults();

    @ParameterizedTest(name = "{0} at {1}, kept {2}: duplicate={3}")
    @MethodSource("copies")
    void keysExpireAfterTheWindowExceptForPlacedOrder(String eventName, Instant copyAt, String when,
                                                      boolean duplicate) {
        assertThat(policy.isDuplicate(kept(eventName), eventName, copyAt)).isEqualTo(duplicate);
    }

    static Stream<Arguments> copies() {
        return Stream.of(
                arguments(PAGE_VIEWED, KEPT_AT, "at the same time", true),
                arguments(PAGE_VIEWED, KEPT_AT.plusSeconds(30), "30 s before", true),
                arguments(PAGE_VIEWED, daysAfterKept(6), "6 days before", true),
                arguments(PAGE_VIEWED, daysAfterKept(7), "exactly 7 days before", true),
                arguments(PAGE_VIEWED, daysAfterKept(7).plusNanos(1), "just over 7 days before", false),
                arguments(PAGE_VIEWED, daysAfterKept(8), "8 days before", false),
                arguments(PAGE_VIEWED, daysAfterKept(-6), "6 days after", true),
                arguments(PAGE_VIEWED, daysAfterKept(-8), "8 days after", false),
                arguments(PLACED_ORDER, daysAfterKept(1), "1 day before", true),
                arguments(PLACED_ORDER, daysAfterKept(8), "8 days before", true),
                arguments(PLACED_ORDER, daysAfterKept(400), "400 days before", true),
                arguments(PLACED_ORDER, daysAfterKept(-400), "400 days after", true),
                arguments("placed order", daysAfterKept(8), "8 days before", false));
    }

    @Test
    void takesWindowAndNeverExpiringNamesFromConfiguration() {
        DedupPolicy configured = new DedupPolicy(Duration.ofHours(1), Set.of("Signed Up"));

        assertThat(configured.isDuplicate(kept("Signed Up"), "Signed Up", daysAfterKept(90))).isTrue();
        assertThat(configured.isDuplicate(kept(PLACED_ORDER), PLACED_ORDER, KEPT_AT.plusSeconds(3601))).isFalse();
    }

    @ParameterizedTest(name = "kept from {0} with {1}, copy from {2} with {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            source-web | fp-kept | source-web     | fp-kept  | SAME_SOURCE
            source-web | fp-kept | source-web     | fp-other | CONFLICTING
            source-web | fp-kept | source-backend | fp-kept  | CROSS_SOURCE
            source-web | fp-kept | source-backend | fp-other | CROSS_SOURCE
            """)
    void namesTheKindOfDuplicate(String keptSource, String keptFingerprint, String copySource,
                                 String copyFingerprint, DuplicateKind kind) {
        DedupClaim keptCopy = new DedupClaim(DedupPolicy.key(PLACED_ORDER, "o-1"), "record-1", keptSource,
                "profile-ann", keptFingerprint, KEPT_AT);

        assertThat(DedupPolicy.kind(keptCopy, copySource, copyFingerprint)).isEqualTo(kind);
    }

    @Test
    void keyKeepsNameAndIdApart() {
        assertThat(DedupPolicy.key("Page Viewed", "1")).isEqualTo(DedupPolicy.key("Page Viewed", "1"))
                .isNotEqualTo(DedupPolicy.key("Page Viewed1", ""))
                .isNotEqualTo(DedupPolicy.key("Page", " Viewed1"));
    }

    @Test
    void kindOfTheKeptCopyItselfIsSameSource() {
        assertThat(DedupPolicy.kind(kept(PAGE_VIEWED), WEB, FINGERPRINT)).isEqualTo(DuplicateKind.SAME_SOURCE);
        assertThat(DedupPolicy.kind(kept(PAGE_VIEWED), BACKEND, FINGERPRINT)).isEqualTo(DuplicateKind.CROSS_SOURCE);
    }
}
