package io.tributary.app.commerce;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature Shopify and WooCommerce put on a webhook: the base64 HMAC-SHA256 of the raw body, keyed with the
 * signing secret. Checked on the bytes as received, before anything parses them, and compared in constant time.
 */
public final class StoreSignature {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private StoreSignature() {
    }

    public static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmac(body, secret));
    }

    /** True when the header is the signature of the body under one of the secrets. */
    public static boolean matches(byte[] body, String header, List<String> secrets) {
        byte[] given = decode(header);
        if (given == null) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                matched |= MessageDigest.isEqual(hmac(body, secret), given);
            }
        }
        return matched;
    }

    private static byte[] decode(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
