package io.tributary.command.source;

import io.tributary.api.intake.CommerceCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.source.SourceType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommerceCredentialsTest {

    private static final Instant ROTATED_UNTIL = Instant.parse("2025-03-01T11:00:00Z");

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
        "2025-03-01T10:00:00Z, new|old",
        "2025-03-01T10:59:59Z, new|old",
        "2025-03-01T11:00:00Z, new",
        "2025-03-02T00:00:00Z, new"})
    void acceptsThePreviousSecretOnlyUntilItsGracePeriodEnds(Instant now, String valid) {
        CommerceCredentials rotated = new CommerceCredentials("s", SourceType.SHOPIFY, true, "acme.myshopify.com",
                "new", "old", ROTATED_UNTIL, null, null, null);

        assertThat(rotated.secretsValidAt(now)).containsExactly(valid.split("\\|"));
    }

    @Test
    void acceptsOnlyTheCurrentSecretBeforeAnyRotationAndNeverShowsSecrets() {
        CommerceCredentials fresh = new CommerceCredentials("s", SourceType.WOOCOMMERCE, true, "https://shop.example",
                "whsec-1", null, null, null, "ck-1", "cs-1");

        assertThat(fresh.secretsValidAt(Instant.now())).isEqualTo(List.of("whsec-1"));
        assertThat(fresh.toString()).doesNotContain("whsec-1", "ck-1", "cs-1");
    }
}
