package io.tributary.app.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The admin bearer token: {@code TRIBUTARY_ADMIN_TOKEN} when set; otherwise generated at first start, printed once
 * and stored with the data. Only a salted SHA-256 of it is kept (in memory and in the {@code settings} collection),
 * and candidates are compared in constant time; a token an older version stored in clear is hashed at start.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final String ID = "admin-token";
    private static final String SALT = "salt";
    private static final String HASH = "sha256";
    private static final String CLEAR_VALUE = "value";

    private final byte[] salt;
    private final byte[] hash;

    public AdminToken(TributaryProperties properties, MongoDatabase database) {
        String configured = properties.adminToken();
        Document stored = configured == null || configured.isBlank() ? storedOrGenerated(database)
                : hashed(configured, Tokens.salt());
        this.salt = HexFormat.of().parseHex(stored.getString(SALT));
        this.hash = HexFormat.of().parseHex(stored.getString(HASH));
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(hash, sha256(salt, candidate));
    }

    private static Document storedOrGenerated(MongoDatabase database) {
        MongoCollection<Document> settings = database.getCollection("settings");
        Document stored = settings.find(Filters.eq("_id", ID)).first();
        if (stored != null && stored.getString(HASH) != null) {
            return stored;
        }
        if (stored != null && stored.getString(CLEAR_VALUE) != null) {
            Document migrated = hashed(stored.getString(CLEAR_VALUE), Tokens.salt());
            settings.updateOne(Filters.eq("_id", ID), Updates.combine(Updates.set(SALT, migrated.getString(SALT)),
                    Updates.set(HASH, migrated.getString(HASH)), Updates.unset(CLEAR_VALUE)));
            log.info("The stored admin token is now kept hashed");
            return migrated;
        }
        String generated = Tokens.random();
        Document created = hashed(generated, Tokens.salt());
        settings.insertOne(new Document("_id", ID).append(SALT, created.getString(SALT)).append(HASH, created.getString(HASH)));
        // printed once, at first start, so that the operator can log in; never logged again, and only its hash is kept
        log.warn("Generated the admin token (set TRIBUTARY_ADMIN_TOKEN to choose your own): {}", generated);
        return created;
    }

    private static Document hashed(String token, byte[] salt) {
        return new Document(SALT, HexFormat.of().formatHex(salt)).append(HASH, HexFormat.of().formatHex(sha256(salt, token)));
    }

    private static byte[] sha256(byte[] salt, String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Random, URL-safe tokens. */
    public static final class Tokens {
        private static final SecureRandom RANDOM = new SecureRandom();

        private Tokens() {
        }

        public static String random() {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        static byte[] salt() {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return salt;
        }
    }
}
