package io.tributary.query.source;

import io.tributary.api.secret.SecretMask;

/** A secret as the source view shows it ({@link SecretMask}); a sealed one is masked whole. */
final class MaskedSecret {

    private MaskedSecret() {
    }

    static String of(String secret) {
        return SecretMask.of(secret);
    }
}
