package io.tributary.command.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.command.support.InMemoryMongo;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inside a unit of work, claims are buffered, written when it commits, and taken back when it rolls back. */
class AliasIndexInUnitOfWorkTest {

    private static final String EMAIL = "urn:email:ann@example.com";
    private static final String PHONE = "urn:phone:+3312345";

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private AliasIndex index;

    @BeforeEach
    void freshIndex() {
        index = new AliasIndex(mongo.freshDatabase());
    }

    @Test
    void writesBufferedClaimsWhenTheUnitOfWorkCommits() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        assertThat(index.claim(EMAIL, "ann")).isTrue();
        assertThat(index.claim(EMAIL, "bob")).as("the buffer already knows the owner").isFalse();
        unitOfWork.commit();

        assertThat(index.owners(List.of(EMAIL))).containsEntry(EMAIL, "ann");
    }

    @Test
    void takesClaimsBackWhenTheUnitOfWorkRollsBack() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        index.claim(EMAIL, "ann");
        unitOfWork.onPrepareCommit(u -> {
            throw new IllegalStateException("the events could not be stored");
        });

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(IllegalStateException.class);
        assertThat(index.owners(List.of(EMAIL))).isEmpty();
    }

    @Test
    void failsTheUnitOfWorkWhenAnotherNodeClaimedMeanwhile() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        index.claim(EMAIL, "ann");
        index.claim(PHONE, "ann");
        unitOfWork.onPrepareCommit(u -> {
            CurrentNode.other(index, EMAIL, "bob");
        });
        // the buffer's write was registered first, so the other node must win before it: claim directly now
        CurrentNode.other(index, EMAIL, "bob");

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
        assertThat(index.owners(List.of(EMAIL, PHONE))).containsExactly(java.util.Map.entry(EMAIL, "bob"));
    }

    @Test
    void reassignsOnCommitAndRestoresOnRollback() {
        index.claim(EMAIL, "ann");
        UnitOfWork<?> merge = DefaultUnitOfWork.startAndGet(null);
        index.reassign(List.of(EMAIL), "bob");
        merge.onPrepareCommit(u -> {
            throw new IllegalStateException("merge not stored");
        });
        assertThatThrownBy(merge::commit).isInstanceOf(IllegalStateException.class);
        assertThat(index.owners(List.of(EMAIL))).containsEntry(EMAIL, "ann");

        UnitOfWork<?> again = DefaultUnitOfWork.startAndGet(null);
        index.reassign(List.of(EMAIL), "bob");
        again.commit();
        assertThat(index.owners(List.of(EMAIL))).containsEntry(EMAIL, "bob");
    }

    /** Another node's write, made outside this thread's unit of work. */
    private static final class CurrentNode {
        static void other(AliasIndex index, String alias, String profileId) {
            Thread writer = new Thread(() -> index.claim(alias, profileId));
            writer.start();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
