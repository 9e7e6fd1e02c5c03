package io.tributary.app.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Every node's view of who holds which segment, read from the token store itself ({@code trackingtokens}) rather than
 * from this node's processors, which only know their own segments.
 */
public class SegmentClaims {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final Duration claimTimeout;
    private final Clock clock;

    public SegmentClaims(MongoCollection<Document> tokens, Serializer serializer, Duration claimTimeout, Clock clock) {
        this.tokens = tokens;
        this.serializer = serializer;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /** The segments of one processor, in order; {@code owner} is null when no node holds a live claim. */
    public List<Claim> of(String processor) {
        List<Claim> claims = new ArrayList<>();
        long freshSince = clock.millis() - claimTimeout.toMillis();
        for (Document entry : tokens.find(Filters.eq("processorName", processor))) {
            Object segment = entry.get("segment");
            if (!(segment instanceof Number number)) {
                continue;
            }
            String owner = entry.getString("owner");
            Object stamp = entry.get("timestamp");
            boolean live = owner != null && stamp instanceof Number millis && millis.longValue() >= freshSince;
            TrackingToken token = token(entry);
            claims.add(new Claim(number.intValue(), live ? owner : null, position(token),
                    ReplayToken.isReplay(token) ? resetPosition(token) : null));
        }
        claims.sort((a, b) -> Integer.compare(a.segment(), b.segment()));
        return claims;
    }

    private TrackingToken token(Document entry) {
        Object data = entry.get("token");
        byte[] bytes = data instanceof Binary binary ? binary.getData() : data instanceof byte[] raw ? raw : null;
        String type = entry.getString("tokenType");
        if (bytes == null || type == null) {
            return null;
        }
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static Long resetPosition(TrackingToken token) {
        return token instanceof ReplayToken replay ? position(replay.getTokenAtReset()) : null;
    }

    /**
     * @param owner         the node holding it, or null
     * @param position      the global position its token reached
     * @param resetPosition while it replays: the position it replays up to
     */
    public record Claim(int segment, String owner, Long position, Long resetPosition) {

        public boolean replaying() {
            return resetPosition != null && (position == null || position < resetPosition);
        }
    }
}
