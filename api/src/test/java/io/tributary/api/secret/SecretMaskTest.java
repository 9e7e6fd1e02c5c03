package io.tributary.api.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            whsec-0123456789abcdef       | ****cdef
            123456789012                 | ****9012
            12345678901                  | ****
            enc:v1:AAECAwQFBgcICQoLDA0O  | ****
            null                         | null
            """)
    void showsOnlyTheTailOfLongClearSecrets(String secret, String shown) {
        assertThat(SecretMask.of(secret)).isEqualTo(shown);
    }
}
