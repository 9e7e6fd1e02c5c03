package io.tributary.app.marketing.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialMaskTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            EAAGm0PX4ZCpsBAKZCZA1234abcd  | ****abcd
            1234567890123456              | ****3456
            123456789012345               | ****
            short                         | ****
            null                          | ****
            """)
    void showsAtMostTheLastFourCharactersOfLongSecrets(String secret, String masked) {
        assertThat(CredentialMask.mask(secret)).isEqualTo(masked);
    }

    @Test
    void masksEveryCredentialOfAConnection() {
        MarketingConnection connection = new MarketingConnection("ms", null, "1", "EUR", null, Map.of(),
                Map.of("developerToken", "dev-token-0123456789", "refreshToken", "1//0refresh-token-abcdef"));

        assertThat(CredentialMask.mask(connection.credentials())).containsExactly(
                Map.entry("developerToken", "****6789"), Map.entry("refreshToken", "****cdef"));
        assertThat(connection.toString()).doesNotContain("dev-token-0123456789", "1//0refresh-token-abcdef");
    }
}
