package io.tributary.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.secret.SecretMask;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.SigningSecretRotated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals, in place, the store secrets that versions before sealing wrote in clear into stored events
 * ({@link CommerceStoreConnected}, {@link SigningSecretRotated}), and adds the masked copies those events now carry.
 * Only the secret fields of their payloads change: identifiers, order and every other field stay as stored. Run at
 * start, once per store: the pass leaves a marker, because every later write is sealed already and the pass reads
 * the stored events by type, which no index serves. Reading stays tolerant of clear values either way.
 */
public class StoredSecretEvents {

    static final String EVENTS = "domain_events";
    static final String MIGRATIONS = "tributary_migrations";
    static final String MARKER = "store-secrets-sealed";
    private static final List<String> STORE_SECRETS = List.of("signingSecret", "adminApiToken", "consumerKey", "consumerSecret");
    private static final Logger log = LoggerFactory.getLogger(StoredSecretEvents.class);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> migrations;
    private final SecretBox box;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public StoredSecretEvents(MongoDatabase database, SecretBox box) {
        this.events = database.getCollection(EVENTS);
        this.migrations = database.getCollection(MIGRATIONS);
        this.box = box;
    }

    /** Seals what an older version stored in clear, unless this store was sealed before; answers whether it ran. */
    public boolean sealOnce() {
        if (migrations.find(Filters.eq("_id", MARKER)).first() != null) {
            return false;
        }
        sealSecretsStoredInClear();
        try {
            migrations.insertOne(new Document("_id", MARKER).append("at", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node starting at the same time sealed them too (sealing is idempotent) and wrote the marker first
        }
        return true;
    }

    /** Answers how many stored events were sealed. */
    public int sealSecretsStoredInClear() {
        int sealed = 0;
        for (Document event : events.find(Filters.in("payloadType", CommerceStoreConnected.class.getName(),
                SigningSecretRotated.class.getName()))) {
            Object payload = event.get("payload");
            byte[] bytes = payload instanceof Binary binary ? binary.getData()
                    : payload instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
            if (bytes == null) {
                continue;
            }
            ObjectNode tree = read(bytes);
            boolean changed = CommerceStoreConnected.class.getName().equals(event.getString("payloadType"))
                    ? sealStore(tree) : sealRotation(tree);
            if (changed) {
                byte[] rewritten = write(tree);
                events.updateOne(Filters.eq("_id", event.get("_id")), Updates.set("payload",
                        payload instanceof Binary ? new Binary(rewritten) : new String(rewritten, StandardCharsets.UTF_8)));
                sealed++;
            }
        }
        if (sealed > 0) {
            log.info("Sealed the store secrets of {} stored events written in clear by an older version", sealed);
        }
        return sealed;
    }

    private boolean sealStore(ObjectNode event) {
        if (!(event.get("store") instanceof ObjectNode store) || !hasClear(store, STORE_SECRETS)) {
            return false;
        }
        if (!(event.get("maskedStore") instanceof ObjectNode)) {
            ObjectNode masked = store.deepCopy();
            STORE_SECRETS.forEach(field -> mask(masked, field));
            event.set("maskedStore", masked);
        }
        STORE_SECRETS.forEach(field -> seal(store, field));
        return true;
    }

    private boolean sealRotation(ObjectNode event) {
        if (!hasClear(event, List.of("previousSecret", "signingSecret"))) {
            return false;
        }
        if (!event.hasNonNull("maskedSigningSecret") && event.hasNonNull("signingSecret")) {
            event.put("maskedSigningSecret", SecretMask.of(event.get("signingSecret").asText()));
        }
        seal(event, "previousSecret");
        seal(event, "signingSecret");
        return true;
    }

    private static boolean hasClear(ObjectNode node, List<String> fields) {
        return fields.stream().map(node::get).anyMatch(value -> value != null && value.isTextual()
                && !value.asText().isEmpty() && !SecretBox.isSealed(value.asText()));
    }

    private void seal(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual()) {
            node.put(field, box.seal(value.asText()));
        }
    }

    private static void mask(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual()) {
            node.put(field, SecretMask.of(value.asText()));
        }
    }

    private ObjectNode read(byte[] bytes) {
        try {
            return (ObjectNode) json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored source event is not JSON", e);
        }
    }

    private byte[] write(ObjectNode tree) {
        try {
            return json.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
