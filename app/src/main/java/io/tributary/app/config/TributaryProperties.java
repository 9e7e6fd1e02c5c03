package io.tributary.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of Tributary's own, with its default.
 *
 * @param adminToken   the admin bearer token; when empty one is generated at first start and stored with the data
 * @param dataDir      where the embedded store keeps its file
 * @param embedded     {@code file} (default: data survives restarts) or {@code memory} (tests)
 * @param secretKey    {@code TRIBUTARY_SECRET_KEY}, the key that seals stored secrets (see {@link SecretKeys})
 */
@ConfigurationProperties("tributary")
public record TributaryProperties(String adminToken, String dataDir, String embedded, String database,
                                  Dedup dedup, Sessions sessions, Identity identity, Intake intake,
                                  String secretKey) {

    public TributaryProperties {
        dataDir = dataDir == null ? "./data" : dataDir;
        embedded = embedded == null ? "file" : embedded;
        database = database == null ? "tributary" : database;
        dedup = dedup == null ? new Dedup(null, null) : dedup;
        sessions = sessions == null ? new Sessions(null, null) : sessions;
        identity = identity == null ? new Identity(null, null) : identity;
        intake = intake == null ? new Intake(null, null, null, null) : intake;
    }

    /** @param neverExpire event names whose keys never expire */
    public record Dedup(Duration window, List<String> neverExpire) {
        public Dedup {
            window = window == null ? Duration.ofDays(7) : window;
            neverExpire = neverExpire == null ? List.of("Placed Order") : neverExpire;
        }
    }

    public record Sessions(Duration inactivityTimeout, Duration stitchingWindow) {
        public Sessions {
            inactivityTimeout = inactivityTimeout == null ? Duration.ofMinutes(60) : inactivityTimeout;
            stitchingWindow = stitchingWindow == null ? Duration.ofDays(30) : stitchingWindow;
        }
    }

    /** @param aliasLimits the most aliases of a type one profile may hold; types not listed are unlimited */
    public record Identity(Map<String, Integer> aliasLimits, List<String> blockedAliasValues) {
        public Identity {
            aliasLimits = aliasLimits == null || aliasLimits.isEmpty()
                    ? Map.of("user_id", 1, "customer_id", 1, "email", 5, "phone", 5, "anonymous_id", 100)
                    : aliasLimits;
            blockedAliasValues = blockedAliasValues == null ? List.of() : blockedAliasValues;
        }
    }

    /**
     * @param maxBatch   the most tracked events decided in one unit of work
     * @param ackTimeout how long a request waits for its events to be stored
     * @param futureTolerance timestamps further ahead than this are clamped to the receive time
     * @param queueCapacity the most tracked events (and rejected entries) waiting to be stored; beyond it a
     *                      request is refused at once with 503
     */
    public record Intake(Integer maxBatch, Duration ackTimeout, Duration futureTolerance, Integer queueCapacity) {
        public Intake {
            maxBatch = maxBatch == null ? 500 : maxBatch;
            ackTimeout = ackTimeout == null ? Duration.ofSeconds(20) : ackTimeout;
            futureTolerance = futureTolerance == null ? Duration.ofHours(23) : futureTolerance;
            queueCapacity = queueCapacity == null ? 20 * maxBatch : queueCapacity;
        }
    }
}
