package io.tributary.command.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.command.support.InMemoryMongo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AliasIndexTest {

    private static final String ANN = "profile-ann";
    private static final String BOB = "profile-bob";
    private static final String EMAIL = "urn:email:ann@example.com";
    private static final String ANONYMOUS_ID = "urn:anonymous_id:a-1";
    private static final String OTHER_ANONYMOUS_ID = "urn:anonymous_id:a-2";

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    private AliasIndex index;

    @BeforeEach
    void setUp() {
        index = new AliasIndex(mongo.freshDatabase());
    }

    @Test
    void claimsUnownedAlias() {
        assertThat(index.claim(EMAIL, ANN)).isTrue();
        assertThat(index.owners(List.of(EMAIL))).isEqualTo(Map.of(EMAIL, ANN));
    }

    @Test
    void secondClaimLosesToTheOwner() {
        index.claim(EMAIL, ANN);

        assertThat(index.claim(EMAIL, BOB)).isFalse();
        assertThat(index.owners(List.of(EMAIL))).isEqualTo(Map.of(EMAIL, ANN));
    }

    @Test
    void claimingOwnAliasAgainAnswersFalse() {
        index.claim(EMAIL, ANN);

        assertThat(index.claim(EMAIL, ANN)).isFalse();
    }

    @Test
    void ownersAnswersOnlyOwnedAliases() {
        index.claim(EMAIL, ANN);
        index.claim(ANONYMOUS_ID, BOB);

        assertThat(index.owners(List.of(EMAIL, ANONYMOUS_ID, OTHER_ANONYMOUS_ID)))
                .isEqualTo(Map.of(EMAIL, ANN, ANONYMOUS_ID, BOB));
        assertThat(index.owners(List.of())).isEmpty();
    }

    @Test
    void releaseRemovesOwnClaim() {
        index.claim(EMAIL, ANN);

        index.release(EMAIL, ANN);

        assertThat(index.owners(List.of(EMAIL))).isEmpty();
        assertThat(index.claim(EMAIL, BOB)).isTrue();
    }

    @Test
    void releaseLeavesAnotherProfilesClaim() {
        index.claim(EMAIL, ANN);

        index.release(EMAIL, BOB);

        assertThat(index.owners(List.of(EMAIL))).isEqualTo(Map.of(EMAIL, ANN));
    }

    @Test
    void reassignMovesOnlyTheGivenAliasesToTheSurvivor() {
        index.claim(EMAIL, ANN);
        index.claim(ANONYMOUS_ID, BOB);
        index.claim(OTHER_ANONYMOUS_ID, BOB);

        index.reassign(List.of(ANONYMOUS_ID), ANN);

        assertThat(index.owners(List.of(EMAIL, ANONYMOUS_ID, OTHER_ANONYMOUS_ID)))
                .isEqualTo(Map.of(EMAIL, ANN, ANONYMOUS_ID, ANN, OTHER_ANONYMOUS_ID, BOB));
    }

    @Test
    void reassignedAliasIsReleasedOnlyByItsNewOwner() {
        index.claim(ANONYMOUS_ID, BOB);
        index.reassign(List.of(ANONYMOUS_ID), ANN);

        index.release(ANONYMOUS_ID, BOB);

        assertThat(index.owners(List.of(ANONYMOUS_ID))).isEqualTo(Map.of(ANONYMOUS_ID, ANN));
    }

    @Test
    void reassigningNothingChangesNothing() {
        index.claim(EMAIL, ANN);

        index.reassign(List.of(), BOB);

        assertThat(index.owners(List.of(EMAIL))).isEqualTo(Map.of(EMAIL, ANN));
    }
}
