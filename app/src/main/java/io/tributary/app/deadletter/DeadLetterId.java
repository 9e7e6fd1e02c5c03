package io.tributary.app.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Where a dead letter sits: its processing group, its sequence and its index there; opaque in URLs. */
record DeadLetterId(String processingGroup, String sequenceIdentifier, long index) {

    private static final String SEPARATOR = "\n";

    String encoded() {
        String plain = processingGroup + SEPARATOR + sequenceIdentifier + SEPARATOR + index;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<DeadLetterId> decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
            return parts.length == 3
                    ? Optional.of(new DeadLetterId(parts[0], parts[1], Long.parseLong(parts[2])))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
