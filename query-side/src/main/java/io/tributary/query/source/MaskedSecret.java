package io.tributary.query.source;

/** How a secret shows in the read model: never in full, only its last four characters when it is long enough. */
final class MaskedSecret {

    static final int SHOWN = 4;
    static final int MIN_LENGTH_TO_SHOW = 12;
    private static final String MASK = "****";

    private MaskedSecret() {
    }

    static String of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return secret.length() < MIN_LENGTH_TO_SHOW ? MASK : MASK + secret.substring(secret.length() - SHOWN);
    }
}
