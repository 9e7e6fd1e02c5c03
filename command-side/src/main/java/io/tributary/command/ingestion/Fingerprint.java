package io.tributary.command.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.api.ingestion.TrackedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** A digest of a copy's content (name, properties, profile properties, aliases), insensitive to key order. */
public final class Fingerprint {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Fingerprint() {
    }

    public static String of(TrackedEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", event.eventName());
        content.put("properties", event.properties());
        content.put("profileProperties", event.profileProperties());
        content.put("aliases", new TreeSet<>(event.aliases()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(content));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint an event", e);
        }
    }
}
