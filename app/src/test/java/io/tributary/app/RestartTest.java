package io.tributary.app;

import static io.tributary.app.TrackedEvents.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The default embedded mode keeps its data in a file: a restart loses nothing that was acknowledged. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsSourcesEventsAndProfilesAcrossARestart() {
        String email = "urn:email:" + IntakeEndToEndTest.unique() + "@example.com";
        String token;
        String profileId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            token = (String) api.createSource("survivor", "server").get("token");
            profileId = (String) api.webhook(token, webhook("Placed Order", "o-" + IntakeEndToEndTest.unique(),
                    List.of(email))).json().get("profile_id");
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/profiles?alias=" + email).status() == 200);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Map<String, Object> again = api.webhook(token, webhook("Viewed Product", "v-" + IntakeEndToEndTest.unique(),
                    List.of(email))).json();
            assertThat(again).as("the token and the alias survived").containsEntry("profile_id", profileId);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(api.get("/api/profiles/" + profileId).json()).containsEntry("eventCount", 2));
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TributaryApplication.class).run("--server.port=0",
                "--tributary.embedded=file", "--tributary.data-dir=" + dataDir, "--tributary.admin-token=" + Api.ADMIN_TOKEN,
                "--logging.level.root=warn");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
