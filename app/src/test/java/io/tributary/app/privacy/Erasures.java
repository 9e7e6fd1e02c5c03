package io.tributary.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.time.Duration;

/** Waiting for an erasure's clean-up, and saying which read models held it up when it did not end "erased". */
final class Erasures {

    private Erasures() {
    }

    static void awaitErased(Api api, String profileId) {
        String status = await().atMost(Duration.ofMinutes(3)).until(() ->
                (String) api.get("/api/profiles/" + profileId + "/erasure").json().get("status"),
                s -> s != null && !"cleaning".equals(s));
        assertThat(status).as("erasure clean-up; read models: " + api.get("/api/projections").body())
                .isEqualTo("erased");
    }
}
