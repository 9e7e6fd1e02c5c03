package io.tributary.app.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.tributary.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --tributary.role=store}: the embedded file store served on a port for several app nodes, with no web server
 * and no Axon. Started from {@code main} before Spring, so none of the app's beans exist in this process.
 */
public final class StoreRole {

    private static final Logger log = LoggerFactory.getLogger(StoreRole.class);

    private StoreRole() {
    }

    /** Serves until the process is stopped (SIGTERM closes the store cleanly). */
    public static void run(StoreSettings settings) throws InterruptedException {
        quietLogging();
        EmbeddedMongoServer server = EmbeddedMongoServer.serveFile(Path.of(settings.dataDir()), settings.host(),
                settings.port(), settings.syncEvery());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "store-shutdown"));
        // the 3-process test and scripts wait for this line and read the port from it
        log.info("Tributary store listening on {} (data in {}, synced every {} ms)", server.connectionString(),
                settings.dataDir(), settings.syncEvery().toMillis());
        stopped.await();
    }

    /** Without Spring, logback would log every connection of the wire server at debug. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("de.bwaldvogel").setLevel(Level.WARN);
            context.getLogger("org.h2").setLevel(Level.WARN);
        }
    }

    /** @param syncEvery how often the store commits and fsyncs: the most acknowledged writes a store crash may lose */
    public record StoreSettings(String dataDir, String host, int port, Duration syncEvery) {
    }
}
