package io.tributary.api.secret;

/** How a secret is shown: {@code ****} and, for values of 12 characters or more, their last four. */
public final class SecretMask {

    public static final int SHOWN = 4;
    public static final int MIN_LENGTH_TO_SHOW = 12;
    private static final String MASK = "****";

    private SecretMask() {
    }

    /** Null for no secret; a sealed value is masked whole (its tail is ciphertext). */
    public static String of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        if (SecretBox.isSealed(secret) || secret.length() < MIN_LENGTH_TO_SHOW) {
            return MASK;
        }
        return MASK + secret.substring(secret.length() - SHOWN);
    }
}
