package io.tributary.app.privacy;

import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** After an erasure, the embedded file store's files hold none of the person's values, in any page, live or old. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErasedFromTheDataDirectoryTest {

    private static final Path DATA_DIR = temporaryDirectory();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) {
        registry.add("tributary.embedded", () -> "file");
        registry.add("tributary.data-dir", DATA_DIR::toString);
    }

    @Test
    void leavesNoClearValueOfTheErasedPersonInTheStoreFiles() {
        Api api = new Api(port);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "grace.files." + unique + "@example.com";
        String lastName = "Hopperfield" + unique;
        String token = (String) api.createSource("files backend " + unique, "server").get("token");
        assertThat(api.webhook(token, with(with(webhook("Placed Order", "order-files-" + unique,
                List.of("urn:email:" + email)), "properties", Map.of("total_price", "10.00", "currency", "EUR")),
                "profile_properties", Map.of("$email", email, "$last_name", lastName))).status()).isEqualTo(200);
        String profileId = await().atMost(WAIT).until(() -> {
            Api.Response found = api.get("/api/profiles?alias=urn:email:" + email);
            return found.status() == 200 ? (String) found.json().get("profileId") : null;
        }, id -> id != null);
        await().atMost(WAIT).until(() -> filesContain(email) && filesContain(lastName));

        assertThat(api.admin("POST", "/api/profiles/" + profileId + "/erase", Map.of("reason", "customer request"))
                .status()).isEqualTo(202);
        Erasures.awaitErased(api, profileId);

        assertThat(filesContain(email)).as("the data directory holds " + email).isFalse();
        assertThat(filesContain(lastName)).as("the data directory holds " + lastName).isFalse();
        assertThat(api.get("/api/events?eventId=order-files-" + unique).body()).contains("order-files-");
    }

    private static boolean filesContain(String value) {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> contains(read(file), needle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tributary-erasure-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
