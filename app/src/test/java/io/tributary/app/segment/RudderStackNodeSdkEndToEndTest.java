package io.tributary.app.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.app.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The official RudderStack Node SDK, {@code @rudderstack/rudder-sdk-node}, pointed at Tributary with its defaults: a
 * gzip batch to {@code /v1/batch} without a JSON content type. Runs when Node 20+ and the SDK
 * ({@code npm ci --prefix app/src/test/node}, done by .ci/run) are present; skipped otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class RudderStackNodeSdkEndToEndTest {

    private static final Path SCRIPTS = Path.of("src/test/node");

    @LocalServerPort
    int port;

    @Test
    void stitchesWhatTheRudderStackNodeSdkSendsGzippedWithoutAJsonContentType() throws Exception {
        assumeTrue(Files.isDirectory(SCRIPTS.resolve("node_modules/@rudderstack/rudder-sdk-node")),
                "run npm ci --prefix app/src/test/node to install the RudderStack Node SDK");
        assumeTrue(nodeMajorVersion() >= 20, "the Node SDK needs Node 20 or later");
        Api api = new Api(port);
        String writeKey = (String) api.createSource("rudderstack node sdk " + unique(), "server").get("token");
        String userId = "user-" + unique();
        String anonymousId = UUID.randomUUID().toString();
        String email = unique() + "@example.com";
        String orderId = "order-" + unique();

        Process node = new ProcessBuilder("node", "rudder-send.cjs", "http://127.0.0.1:" + port, writeKey, userId, anonymousId,
                email, orderId).directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
        boolean finished = node.waitFor(60, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("node finished: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).as("one gzip batch, sent as form-urlencoded").contains("200 gzip application/x-www-form-urlencoded");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles?alias=urn:user_id:" + userId).json();
            assertThat((List<String>) profile.get("aliases")).contains("urn:anonymous_id:" + anonymousId, "urn:email:" + email);
            assertThat((Map<String, Object>) profile.get("properties")).containsEntry("$first_name", "Grace")
                    .containsEntry("$last_name", "Hopper");
            assertThat(profile).containsEntry("eventCount", 4);
            List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/events?eventName=Placed%20Order&profileId="
                    + profile.get("profileId")).json().get("items");
            assertThat(items).singleElement().satisfies(order -> assertThat(order).containsEntry("eventId", orderId));
        });
    }

    private static int nodeMajorVersion() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            version.waitFor(10, TimeUnit.SECONDS);
            return Integer.parseInt(text.replaceFirst("^v", "").split("\\.")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
