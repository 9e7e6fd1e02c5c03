package io.tributary.query.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.api.identity.FindIdentityMagnets;
import io.tributary.api.identity.IdentityMagnetView;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.Evidence;
import io.tributary.query.support.EmbeddedMongo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Values linked by more profiles than the threshold, found among many values that are not, through an index. */
class IdentityMagnetProjectionTest extends EmbeddedMongo {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void findsTheValuesLinkedByMoreProfilesThanTheThresholdWithinTheWindow() {
        IdentityMagnetProjection projection = new IdentityMagnetProjection(database);
        for (int p = 0; p < 12; p++) {
            projection.on(linked("email:shared@example.com", "p" + p, T0.plusSeconds(p)));
        }
        for (int v = 0; v < 200; v++) {
            projection.on(linked("email:own" + v + "@example.com", "q" + v, T0));
            projection.on(linked("email:own" + v + "@example.com", "r" + v, T0));
        }

        List<IdentityMagnetView> magnets = projection.handle(new FindIdentityMagnets(T0, T0.plusSeconds(60), 10,
                10, 10));

        assertThat(magnets).extracting(IdentityMagnetView::subject, IdentityMagnetView::count)
                .containsExactly(tuple("email:shared@example.com", 12L));
        assertThat(projection.handle(new FindIdentityMagnets(T0.plusSeconds(5), T0.plusSeconds(60), 10, 10, 10)))
                .as("only the touches within the window count").isEmpty();
    }

    @Test
    void answersFromAnIndexOnHowOftenEachValueWasTouchedNotAScanOfEveryValue() {
        new IdentityMagnetProjection(database);

        List<Document> keys = database.getCollection("identity_magnet_touches").listIndexes()
                .into(new ArrayList<>()).stream().map(index -> index.get("key", Document.class)).toList();

        assertThat(keys).contains(new Document("size", 1));
    }

    private static AliasLinked linked(String alias, String profileId, Instant at) {
        return new AliasLinked(profileId, alias, "email", new Evidence("r-" + profileId, "e-" + profileId, at));
    }
}
