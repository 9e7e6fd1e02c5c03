package io.tributary.api.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets (store signing secrets, API tokens, ad-platform credentials) before they are written anywhere:
 * AES-256-GCM with a random 96-bit nonce per value, written as {@code enc:v1:<base64(nonce | ciphertext | tag)>}.
 * The key comes from {@code TRIBUTARY_SECRET_KEY}: 32 bytes in base64 are used as they are; any other value is a
 * passphrase, stretched to 32 bytes with HKDF-SHA-256 (no work factor: choose a random key, not a word).
 * <p>
 * {@link #open} also accepts a value that is not sealed and answers it as it is: events and documents written
 * before secrets were sealed stay readable.
 */
public final class SecretBox {

    public static final String PREFIX = "enc:v1:";

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "tributary-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HKDF_SALT = "tributary-secret-key-v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A cipher per thread, initialised anew for every value: looking one up costs more than the work itself. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(SecretBox::newCipher);

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The box for a configured key: 32 bytes in base64, or a passphrase derived with HKDF-SHA-256. */
    public static SecretBox fromKey(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("the secret key is empty");
        }
        byte[] raw = base64Key(configured.trim());
        return new SecretBox(raw != null ? raw : hkdf(configured.trim().getBytes(StandardCharsets.UTF_8)));
    }

    /** A box for a raw 32-byte key, such as a per-profile data key (see the privacy model in the README). */
    public static SecretBox ofKeyBytes(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key has " + KEY_BYTES + " bytes");
        }
        return new SecretBox(key.clone());
    }

    /** A new random 32-byte key. */
    public static byte[] generateKeyBytes() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * The keyed hash for lookups of personal values, with a key derived from this box's key (HMAC-SHA-256 of a
     * fixed label): the same server key always gives the same hashes, and no one without it can recompute them.
     */
    public KeyedHash keyedHash() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new KeyedHash(mac.doFinal("tributary-lookup-hash-v1".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A new random key, in the form {@link #fromKey} reads (32 bytes, base64). */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Whether the key is read as raw 32 bytes (true) or derived from a passphrase (false). */
    public static boolean isRawKey(String configured) {
        return configured != null && base64Key(configured.trim()) != null;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The value sealed; null and blank stay as they are, and a value already sealed is not sealed twice. */
    public String seal(String value) {
        if (value == null || value.isEmpty() || isSealed(value)) {
            return value;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The clear value of a sealed one; a value that is not sealed (written before sealing existed) as it is.
     *
     * @throws SecretBoxException when the value was altered or sealed with another key
     */
    public String open(String value) {
        if (!isSealed(value)) {
            return value;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("a sealed secret is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("a sealed secret is too short");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretBoxException("a sealed secret does not open with this key (altered, or another "
                    + "TRIBUTARY_SECRET_KEY)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(CIPHER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] base64Key(String value) {
        try {
            byte[] decoded = Base64.getDecoder().decode(value);
            return decoded.length == KEY_BYTES ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RFC 5869 HKDF-SHA-256 with one output block (32 bytes). */
    private static byte[] hkdf(byte[] inputKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HKDF_SALT, "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            mac.update("aes-256-gcm".getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return Arrays.copyOf(mac.doFinal(), KEY_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
