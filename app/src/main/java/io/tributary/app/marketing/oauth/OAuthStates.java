package io.tributary.app.marketing.oauth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tributary.api.marketing.AdPlatform;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code state} of each "Connect" under way, in {@code marketing_oauth_states}: random, kept only as a hash,
 * bound to the dashboard session that started it and to its platform, expiring, and deleted by the callback that
 * presents it, so it works once. Kept in MongoDB so any node may receive the callback.
 */
class OAuthStates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> states;
    private final Duration lifetime;
    private final Clock clock;

    OAuthStates(MongoDatabase database, Duration lifetime, Clock clock) {
        this.states = database.getCollection("marketing_oauth_states");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Where the callback of a state leads: a new connection, or new credentials for {@code replaceSourceId}. */
    record Pending(AdPlatform platform, String replaceSourceId) {
    }

    String issue(AdPlatform platform, String session, String replaceSourceId) {
        states.deleteMany(Filters.lt("expiresAt", Date.from(clock.instant())));
        String state = randomToken();
        states.insertOne(new Document("_id", hash(state)).append("platform", platform.name())
                .append("session", hash(session)).append("replaceSourceId", replaceSourceId)
                .append("expiresAt", Date.from(clock.instant().plus(lifetime))));
        return state;
    }

    /** The pending connect of this state, used up; empty when unknown, already used, expired or another session's. */
    Optional<Pending> consume(String state, AdPlatform platform, String session) {
        if (state == null || state.isBlank() || session == null) {
            return Optional.empty();
        }
        Document found = states.findOneAndDelete(Filters.eq("_id", hash(state)));
        if (found == null || !platform.name().equals(found.getString("platform"))
                || !hash(session).equals(found.getString("session"))
                || !found.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Pending(platform, found.getString("replaceSourceId")));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
