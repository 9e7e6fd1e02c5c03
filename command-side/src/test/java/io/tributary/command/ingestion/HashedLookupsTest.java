package io.tributary.command.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.secret.KeyedHash;
import io.tributary.api.secret.SecretBox;
import io.tributary.command.support.InMemoryMongo;
import io.tributary.command.support.UnconfirmedClaims;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HashedLookupsTest {

    private static final String EMAIL = "urn:email:ann@example.com";
    private static final String ORDER_KEY = "Placed Order\u0000order-1001";

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    private final KeyedHash keyedHash = SecretBox.fromKey(SecretBox.generateKey()).keyedHash();
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
    }

    @Test
    void storesAliasOwnersUnderKeyedHashesOnly() {
        AliasIndex index = new AliasIndex(database, keyedHash, UnconfirmedClaims.trusted());

        index.claim(EMAIL, "profile-ann");

        assertThat(index.owners(List.of(EMAIL))).isEqualTo(Map.of(EMAIL, "profile-ann"));
        assertThat(storedIds("alias_owners")).containsExactly(keyedHash.hash(EMAIL)).noneMatch(id -> id.contains("ann"));
    }

    @Test
    void storesDedupKeysUnderKeyedHashesOnly() {
        DedupIndex index = new DedupIndex(database, keyedHash, UnconfirmedClaims.trusted());

        index.claim(claim(ORDER_KEY));

        assertThat(index.find(ORDER_KEY)).map(DedupClaim::key).contains(ORDER_KEY);
        assertThat(storedIds("dedup_keys")).containsExactly(keyedHash.hash(ORDER_KEY));
    }

    @Test
    void hashesAliasOwnersAnOlderVersionStoredInClear() {
        new AliasIndex(database).claim(EMAIL, "profile-ann");
        AliasIndex hashed = new AliasIndex(database, keyedHash, UnconfirmedClaims.trusted());

        assertThat(hashed.hashStoredAliases()).isEqualTo(1);

        assertThat(hashed.owners(List.of(EMAIL))).isEqualTo(Map.of(EMAIL, "profile-ann"));
        assertThat(storedIds("alias_owners")).containsExactly(keyedHash.hash(EMAIL));
        assertThat(hashed.hashStoredAliases()).isZero();
    }

    @Test
    void hashesDedupKeysAnOlderVersionStoredInClear() {
        new DedupIndex(database).claim(claim(ORDER_KEY));
        DedupIndex hashed = new DedupIndex(database, keyedHash, UnconfirmedClaims.trusted());

        assertThat(hashed.hashStoredKeys()).isEqualTo(1);

        assertThat(hashed.find(ORDER_KEY)).map(DedupClaim::recordId).contains("record-1");
        assertThat(storedIds("dedup_keys")).containsExactly(keyedHash.hash(ORDER_KEY));
    }

    @Test
    void forgetsTheOwnersOfErasedAliases() {
        AliasIndex index = new AliasIndex(database, keyedHash, UnconfirmedClaims.trusted());
        index.claim(EMAIL, "profile-ann");

        index.forget(List.of(EMAIL));

        assertThat(index.owners(List.of(EMAIL))).isEmpty();
        assertThat(index.claim(EMAIL, "profile-bob")).isTrue();
    }

    private List<String> storedIds(String collection) {
        List<String> ids = new ArrayList<>();
        database.getCollection(collection).find().forEach((Document d) -> ids.add(d.getString("_id")));
        return ids;
    }

    private static DedupClaim claim(String key) {
        return new DedupClaim(key, "record-1", "source-1", "profile-ann", "fp", Instant.parse("2026-12-01T10:00:00Z"));
    }
}
