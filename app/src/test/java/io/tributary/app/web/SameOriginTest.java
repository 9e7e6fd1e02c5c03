package io.tributary.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.config.SameOrigin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameOriginTest {

    @ParameterizedTest(name = "{0} Origin={1} Referer={2} Host={3} -> {4}")
    @CsvSource(nullValues = "none", value = {
        "GET, https://evil.example, none, tributary.example, true",
        "POST, https://tributary.example, none, tributary.example, true",
        "POST, http://tributary.example:8080, none, tributary.example:8080, true",
        "POST, https://evil.example, none, tributary.example, false",
        "POST, http://tributary.example:9090, none, tributary.example:8080, false",
        "POST, none, https://tributary.example/dashboard/sources, tributary.example, true",
        "POST, none, https://evil.example/tributary.example, tributary.example, false",
        "POST, null, none, tributary.example, false",
        "POST, none, none, tributary.example, false",
        "DELETE, https://evil.example, none, tributary.example, false",
        "post, https://TRIBUTARY.example, none, tributary.example, true",
        "POST, not a url, none, tributary.example, false"})
    void allowsStateChangesOnlyFromTheServersOwnOrigin(String method, String origin, String referer, String host,
                                                      boolean allowed) {
        assertThat(SameOrigin.allows(method, origin, referer, host)).isEqualTo(allowed);
    }
}
