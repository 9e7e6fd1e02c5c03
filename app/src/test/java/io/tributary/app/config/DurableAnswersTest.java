package io.tributary.app.config;

import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Api;
import io.tributary.app.TributaryApplication;
import io.tributary.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On the file store, an answer goes out only after the store's fsync: while a sync is held back, neither an admin
 * write nor an intake batch is answered; once it is let go, both are, and the store has synced.
 */
class DurableAnswersTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext app;
    private Api api;
    private EmbeddedMongoServer store;

    @BeforeEach
    void start() {
        app = new SpringApplicationBuilder(TributaryApplication.class).run("--server.port=0",
                "--tributary.embedded=file", "--tributary.data-dir=" + dataDir, "--tributary.admin-token=" + Api.ADMIN_TOKEN,
                "--logging.level.root=warn");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        store = ((EmbeddedMongo) app.getBean(MongoEndpoint.class)).server();
    }

    @AfterEach
    void stop() {
        store.beforeSync(() -> { });
        app.close();
    }

    @Test
    void answersAnAdminWriteOnlyAfterTheStoreSynced() throws Exception {
        assertAnsweredOnlyAfterASync(() -> api.admin("POST", "/api/sources",
                java.util.Map.of("name", "held", "type", "browser")).status(), 201);
    }

    @Test
    void answersAnIntakeBatchOnlyAfterTheStoreSynced() throws Exception {
        String token = (String) api.createSource("web", "browser").get("token");
        String anon = "urn:anon:" + UUID.randomUUID();
        assertAnsweredOnlyAfterASync(() -> api.collect(token, List.of(
                pixel("Viewed Product", UUID.randomUUID().toString(), "https://shop.example/p", null, List.of(anon)))).status(), 200);
    }

    private void assertAnsweredOnlyAfterASync(Supplier<Integer> request, int expectedStatus) throws Exception {
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.beforeSync(() -> {
            syncing.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long syncsBefore = store.syncs();
        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(request);
        assertThat(syncing.await(30, TimeUnit.SECONDS)).as("a sync started").isTrue();
        Thread.sleep(700);
        assertThat(answer).as("no answer while the sync is held").isNotDone();
        release.countDown();
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(expectedStatus);
        assertThat(store.syncs()).isGreaterThan(syncsBefore);
    }
}
