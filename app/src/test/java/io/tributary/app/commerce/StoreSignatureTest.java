package io.tributary.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreSignatureTest {

    private static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheRawBodyAsBase64HmacSha256() {
        // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?")
        assertThat(StoreSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }

    @Test
    void acceptsTheSignatureOfAnyValidSecretOnly() {
        String signature = StoreSignature.sign(BODY, "old");

        assertThat(StoreSignature.matches(BODY, signature, List.of("new", "old"))).isTrue();
        assertThat(StoreSignature.matches(BODY, signature, List.of("new"))).isFalse();
        assertThat(StoreSignature.matches("{\"id\":2}".getBytes(StandardCharsets.UTF_8), signature, List.of("old")))
                .isFalse();
        assertThat(StoreSignature.matches(BODY, "not base64 !", List.of("old"))).isFalse();
        assertThat(StoreSignature.matches(BODY, null, List.of("old"))).isFalse();
    }
}
