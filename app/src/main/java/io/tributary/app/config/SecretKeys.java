package io.tributary.app.config;

import io.tributary.api.secret.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that seals stored secrets comes from:
 * <ul>
 *   <li>{@code TRIBUTARY_SECRET_KEY} when set (32 bytes in base64, or a passphrase: see {@link SecretBox});</li>
 *   <li>otherwise, with a real MongoDB ({@code MONGODB_URI}), nowhere: the app refuses to start;</li>
 *   <li>otherwise, on the embedded file store, the file {@value #KEY_FILE} in the data directory, generated at first
 *       start (0600, in a 0700 directory);</li>
 *   <li>on the embedded memory store (tests), a random key that lives as long as the data.</li>
 * </ul>
 * The key itself is never logged.
 */
final class SecretKeys {

    static final String KEY_FILE = "secret.key";
    static final String MISSING_FOR_MONGODB = "TRIBUTARY_SECRET_KEY is required when MONGODB_URI is set: it seals the "
            + "store secrets and ad-platform tokens kept in the database. Generate one with `openssl rand -base64 32`, "
            + "keep it apart from the database backups, and set it on every start.";

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    static SecretBox box(TributaryProperties properties, String mongodbUri) {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            log.info("Sealing stored secrets with TRIBUTARY_SECRET_KEY ({})",
                    SecretBox.isRawKey(configured) ? "a 32-byte key" : "a passphrase, derived with HKDF-SHA-256");
            return SecretBox.fromKey(configured);
        }
        if (mongodbUri != null && !mongodbUri.isBlank()) {
            throw new IllegalStateException(MISSING_FOR_MONGODB);
        }
        if ("memory".equals(properties.embedded())) {
            return SecretBox.fromKey(SecretBox.generateKey());
        }
        return SecretBox.fromKey(storedOrGenerated(Path.of(properties.dataDir()).resolve(KEY_FILE)));
    }

    private static String storedOrGenerated(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String key = SecretBox.generateKey();
            OwnerOnlyFiles.createFile(file, key + "\n");
            log.warn("Generated the secret key that seals stored secrets in {} (owner-only). Back it up apart from "
                    + "the data, or set TRIBUTARY_SECRET_KEY; without it the stored secrets cannot be opened.", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }
}
