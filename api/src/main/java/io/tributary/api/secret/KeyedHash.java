package io.tributary.api.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 with a server key, written {@code h1:<base64url>}: how lookups of personal values (alias owners,
 * dedup keys, suppressions) find a value without storing it. Obtained from {@link SecretBox#keyedHash()}.
 */
public final class KeyedHash {

    public static final String PREFIX = "h1:";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public static boolean isHash(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String hash(String value) {
        byte[] digest = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
