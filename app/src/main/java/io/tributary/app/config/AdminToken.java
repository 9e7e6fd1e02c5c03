package io.tributary.app.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The admin bearer token: {@code TRIBUTARY_ADMIN_TOKEN} when set; otherwise generated at first start, stored
 * with the data and printed once.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final String ID = "admin-token";

    private final byte[] token;

    public AdminToken(TributaryProperties properties, MongoDatabase database) {
        String configured = properties.adminToken();
        this.token = (configured == null || configured.isBlank() ? storedOrGenerated(database) : configured)
                .getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String storedOrGenerated(MongoDatabase database) {
        MongoCollection<Document> settings = database.getCollection("settings");
        Document stored = settings.find(Filters.eq("_id", ID)).first();
        if (stored != null) {
            return stored.getString("value");
        }
        String generated = Tokens.random();
        settings.insertOne(new Document("_id", ID).append("value", generated));
        // printed once, at first start, so that the operator can log in; never logged again
        log.warn("Generated the admin token (set TRIBUTARY_ADMIN_TOKEN to choose your own): {}", generated);
        return generated;
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
    }
}
