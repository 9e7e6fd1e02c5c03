package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.DedupFixtures.BACKEND;
import static io.tributary.command.ingestion.DedupFixtures.KEPT_AT;
import static io.tributary.command.ingestion.DedupFixtures.WEB;
import static io.tributary.command.ingestion.DedupFixtures.claim;
import static io.tributary.command.ingestion.DedupFixtures.daysAfterKept;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.command.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DedupIndexTest {

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    private final DedupClaim first = claim("record-1", WEB, KEPT_AT);
    private final DedupClaim second = claim("record-2", BACKEND, KEPT_AT.plusSeconds(5));
    private final DedupClaim third = claim("record-3", WEB, daysAfterKept(9));

    private DedupIndex index;

    @BeforeEach
    void setUp() {
        index = new DedupIndex(mongo.freshDatabase());
    }

    @Test
    void firstClaimWins() {
        assertThat(index.claim(first)).isEmpty();
        assertThat(index.find(first.key())).contains(first);
    }

    @Test
    void secondClaimSeesTheFirst() {
        index.claim(first);

        assertThat(index.claim(second)).contains(first);
        assertThat(index.find(second.key())).contains(first);
    }

    @Test
    void keepsTheEventTimeToTheNanosecond() {
        index.claim(first);

        assertThat(index.find(first.key())).map(DedupClaim::eventTime).contains(KEPT_AT);
        assertThat(KEPT_AT.getNano()).isEqualTo(123_456_789);
    }

    @Test
    void findsNothingForAnUnclaimedKey() {
        assertThat(index.find(first.key())).isEmpty();
    }

    @Test
    void releaseRemovesOwnClaim() {
        index.claim(first);

        index.release(first);

        assertThat(index.find(first.key())).isEmpty();
        assertThat(index.claim(second)).isEmpty();
    }

    @Test
    void releaseLeavesAnotherCopysClaim() {
        index.claim(first);

        index.release(second);

        assertThat(index.find(first.key())).contains(first);
    }

    @Test
    void replaceHandsExpiredKeyOver() {
        index.claim(first);

        index.replace(first, third);

        assertThat(index.find(first.key())).contains(third);
        assertThat(index.claim(second)).contains(third);
    }

    @Test
    void replaceOfAKeyAlreadyHandedOverChangesNothing() {
        index.claim(first);
        index.replace(first, third);

        index.replace(first, second);

        assertThat(index.find(first.key())).contains(third);
    }
}
