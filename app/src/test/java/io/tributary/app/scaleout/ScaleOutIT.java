package io.tributary.app.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tributary.api.secret.KeyedHash;
import io.tributary.api.secret.SecretBox;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's proof: one store process and three app processes on loopback ({@code java -jar} of the built jar), the
 * same shop traffic through all three at once with one node killed ({@code kill -9}) mid-run and started again, checked
 * against a single-node run of the same traffic. Runs in the integration-test phase, after the jar is packaged.
 */
class ScaleOutIT {

    private static final int VISITORS = 48;
    private static final String ADMIN_TOKEN = "scale-out-admin-token";
    private static final List<String> NODE_IDS = List.of("node-1", "node-2", "node-3");
    /** The read models that run several segments (two by default); the others run one. */
    private static final List<String> SPLIT_READ_MODELS = List.of("sessions", "attribution-traffic");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Admin admin = new Admin(http, ADMIN_TOKEN);
    private final List<AppProcess> started = new ArrayList<>();
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS)
            .plus(8, ChronoUnit.HOURS);
    private final List<ShopVisit> visits = IntStream.range(0, VISITORS).mapToObj(v -> ShopVisit.of(v, base)).toList();

    /** Nodes first, the store last, so that no node waits on a store that is gone. */
    @AfterEach
    void stopAll() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    @Test
    void threeNodesOnOneStoreDecideEachEventOnceAndBuildTheSingleNodeReadModels() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "scale-out", String.valueOf(System.currentTimeMillis())));
        Path jar = appJar();
        AppProcess store = track(AppProcess.store(jar, work.resolve("store-data"), work).start());
        AppProcess solo = AppProcess.node(jar, "solo", Map.of("TRIBUTARY_ADMIN_TOKEN", ADMIN_TOKEN,
                "TRIBUTARY_DATA_DIR", work.resolve("solo-data").toString()), List.of("--tributary.embedded=memory"),
                work).start();
        started.add(0, solo);

        // the single-node run of the same traffic: what the three nodes must agree with
        solo.awaitHealthy(http, Duration.ofMinutes(4));
        ShopDriver alone = driver(List.of(solo));
        long soloStart = System.nanoTime();
        alone.drive(visits, 6, () -> { });
        double soloSeconds = (System.nanoTime() - soloStart) / 1e9;
        awaitCaughtUp(solo);
        Map<String, String> single = summary(solo);
        solo.stop();

        int storePort = store.awaitStorePort(Duration.ofMinutes(1));
        String secretKey = randomKey();
        Map<String, String> environment = Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + storePort,
                "TRIBUTARY_ADMIN_TOKEN", ADMIN_TOKEN, "TRIBUTARY_SECRET_KEY", secretKey);
        List<AppProcess> nodes = new ArrayList<>();
        for (String id : NODE_IDS) {
            nodes.add(track(AppProcess.node(jar, id, environment, List.of(), work).start()));
        }
        for (AppProcess node : nodes) {
            node.awaitHealthy(http, Duration.ofMinutes(4));
        }
        ShopDriver cluster = driver(nodes);
        AppProcess victim = nodes.get(1);
        long clusterStart = System.nanoTime();
        cluster.drive(visits, 6, () -> killAndRestart(victim));
        double clusterSeconds = (System.nanoTime() - clusterStart) / 1e9;
        awaitCaughtUp(nodes.get(0));

        Set<String> sent = new TreeSet<>();
        visits.forEach(v -> v.steps().forEach(step -> step.forEach(r -> sent.add(r.eventId()))));
        assertThat(cluster.acknowledged).as("every event acknowledged by some node").containsExactlyInAnyOrderElementsOf(sent);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            MongoDatabase database = client.getDatabase("tributary");
            assertThat(recordedPerEventId(database)).as("each acknowledged event recorded once in the event store")
                    .containsOnlyKeys(sent).allSatisfy((eventId, times) -> assertThat(times).isEqualTo(1));
            assertEveryAliasHasOneOwner(database, nodes.get(2), SecretBox.fromKey(secretKey).keyedHash());
        }
        Map<String, String> multi = summary(nodes.get(2));
        assertThat(multi).as("read models of three nodes against one").isEqualTo(single);
        awaitSegmentsSpread(nodes.get(0));

        // a rebuild asked on one node resets every segment, whichever nodes hold them, and builds the same again
        for (String readModel : SPLIT_READ_MODELS) {
            admin.post(nodes.get(2), "/api/projections/" + readModel + "/rebuild", "");
        }
        awaitCaughtUp(nodes.get(0));
        assertThat(awaitSummary(nodes.get(1), single)).as("read models of three nodes, rebuilt, against one")
                .isEqualTo(single);
        awaitSegmentsSpread(nodes.get(1));

        System.out.printf("scale-out: %d visitors, %d requests; one node %.1f s, three nodes (one killed) %.1f s;"
                + " %d requests sent again to another node%n", VISITORS, sent.size() + VISITORS, soloSeconds,
                clusterSeconds, cluster.retriedElsewhere.get());
    }

    private void killAndRestart(AppProcess victim) {
        try {
            victim.kill();
            Thread.sleep(2_000);
            victim.start().awaitHealthy(http, Duration.ofMinutes(4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ShopDriver driver(List<AppProcess> nodes) {
        AppProcess first = nodes.get(0);
        String browser = admin.post(first, "/api/sources", "{\"name\":\"web\",\"type\":\"browser\"}").get("token").asText();
        String server = admin.post(first, "/api/sources", "{\"name\":\"backend\",\"type\":\"server\"}").get("token").asText();
        return new ShopDriver(http, nodes, browser, server);
    }

    /** Every read model live, at the same position, and still there two seconds later. */
    private void awaitCaughtUp(AppProcess node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String previous = null;
        while (System.nanoTime() < deadline) {
            JsonNode statuses = admin.get(node, "/api/projections");
            Set<String> positions = new HashSet<>();
            boolean live = true;
            for (JsonNode status : statuses) {
                live &= "live".equals(status.get("status").asText());
                positions.add(status.get("position").asText());
            }
            String now = positions.toString();
            if (live && positions.size() == 1 && now.equals(previous)) {
                return;
            }
            previous = live && positions.size() == 1 ? now : null;
            Thread.sleep(2_000);
        }
        throw new AssertionError("read models did not catch up: " + admin.get(node, "/api/projections"));
    }

    /**
     * What every read model says about the traffic, in terms the rules make independent of which node decided what:
     * profile ids and record ids are random, so each profile is named by its email.
     */
    private Map<String, String> summary(AppProcess node) {
        Map<String, String> summary = new TreeMap<>();
        for (ShopVisit visit : visits) {
            String email = ShopVisit.email(visit.visitor());
            JsonNode profile = admin.get(node, "/api/profiles?alias=" + Admin.encode(email));
            String key = "v" + visit.visitor() + ".";
            summary.put(key + "aliases", sorted(profile.get("aliases")).toString());
            summary.put(key + "events", profile.get("eventCount").asText());
            summary.put(key + "sessions", profile.get("sessionCount").asText());
            // the order joins the profile's current session; after the merge two sessions share the same last
            // activity (both sign-ins carry the same second), and the tie goes to whichever was touched last: arrival
            // order, which differs between runs even on one node. So sessions are compared without their counts.
            List<String> sessions = new ArrayList<>();
            long sessionEvents = 0;
            for (JsonNode session : admin.get(node, "/api/profiles/" + profile.get("profileId").asText() + "/sessions")) {
                sessions.add(session.path("channelGroup").asText() + "/" + session.path("channel").asText() + "/"
                        + session.path("campaign").asText());
                sessionEvents += session.path("eventCount").asLong();
            }
            sessions.sort(null);
            summary.put(key + "sessionList", sessions.toString());
            summary.put(key + "sessionEvents", String.valueOf(sessionEvents));
            for (List<ShopVisit.Request> step : visit.steps()) {
                for (ShopVisit.Request request : step) {
                    summary.put("event." + request.eventId() + ".accepted", String.valueOf(accepted(node, request.eventId())));
                }
            }
        }
        LocalDate day = LocalDate.ofInstant(base, ZoneOffset.UTC);
        JsonNode totals = admin.get(node, "/api/reports/blended?from=" + day + "&to=" + day).get("totals");
        summary.put("report.orders", totals.get("orders").decimalValue().add(totals.get("otherCurrencyOrders")
                .decimalValue()).stripTrailingZeros().toPlainString());
        summary.put("report.revenue", totals.get("revenue").decimalValue().stripTrailingZeros().toPlainString());
        summary.put("report.sessions", totals.get("sessions").asText());
        return summary;
    }

    /** The node's summary once it equals {@code expected}, or the last one after two minutes. */
    private Map<String, String> awaitSummary(AppProcess node, Map<String, String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Map<String, String> summary = summary(node);
        while (!summary.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            summary = summary(node);
        }
        return summary;
    }

    private long accepted(AppProcess node, String eventId) {
        JsonNode items = admin.get(node, "/api/events?limit=50&eventId=" + Admin.encode(eventId)).get("items");
        long accepted = 0;
        for (JsonNode item : items) {
            accepted += "accepted".equals(item.get("status").asText()) ? 1 : 0;
        }
        return accepted;
    }

    private static List<String> sorted(JsonNode values) {
        List<String> list = new ArrayList<>();
        values.forEach(value -> list.add(value.asText()));
        list.sort(null);
        return list;
    }

    /** Counts {@code EventRecorded} domain events per tracked event id, straight from the shared store. */
    private static Map<String, Integer> recordedPerEventId(MongoDatabase database) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (Document stored : database.getCollection("domain_events")
                .find(Filters.regex("payloadType", "EventRecorded$"))) {
            Object payload = stored.get("payload");
            byte[] bytes = payload instanceof Binary binary ? binary.getData()
                    : payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String eventId = Admin.JSON.readTree(bytes).path("event").path("eventId").asText();
            counts.merge(eventId, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The command side's one owner per alias ({@code alias_owners}) and the read side agree: a visitor's three aliases
     * lead to one profile, whichever way they are looked up. The command side keeps aliases by their keyed hash only.
     */
    private void assertEveryAliasHasOneOwner(MongoDatabase database, AppProcess node, KeyedHash lookupHash) {
        for (ShopVisit visit : visits) {
            List<String> aliases = List.of("urn:anonymous_id:d1-" + visit.visitor(),
                    "urn:anonymous_id:d2-" + visit.visitor(), ShopVisit.email(visit.visitor()));
            Set<String> survivors = new HashSet<>();
            for (String alias : aliases) {
                survivors.add(admin.get(node, "/api/profiles?alias=" + Admin.encode(alias)).get("profileId").asText());
                Document owner = database.getCollection("alias_owners").find(Filters.eq("_id", lookupHash.hash(alias)))
                        .first();
                assertThat(owner).as("command-side owner of " + alias).isNotNull();
                survivors.add(admin.get(node, "/api/profiles/" + owner.getString("profileId")).get("profileId").asText());
            }
            assertThat(survivors).as("profiles owning the aliases of visitor " + visit.visitor()).hasSize(1);
        }
    }

    /**
     * Every live node holds some segment: the read models' and sagas' processors are spread over all three; the read
     * models that split show both their segments, held by two different live nodes.
     */
    private void awaitSegmentsSpread(AppProcess node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Set<String> owners = new TreeSet<>();
        Map<String, List<String>> splitOwners = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            owners.clear();
            splitOwners.clear();
            for (JsonNode status : admin.get(node, "/api/projections")) {
                List<String> held = new ArrayList<>();
                status.path("segments").forEach(segment -> held.add(segment.path("owner").asText()));
                owners.addAll(held);
                if (SPLIT_READ_MODELS.contains(status.path("name").asText())) {
                    splitOwners.put(status.path("name").asText(), held);
                }
            }
            if (owners.containsAll(NODE_IDS) && splitOwners.size() == SPLIT_READ_MODELS.size()
                    && splitOwners.values().stream().allMatch(held -> held.size() == 2 && NODE_IDS.containsAll(held)
                            && new HashSet<>(held).size() == 2)) {
                System.out.println("scale-out: segments of the split read models held by " + splitOwners);
                return;
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("segments held by " + owners + ", expected all of " + NODE_IDS
                + "; split read models' segments held by " + splitOwners);
    }

    private static Path appJar() {
        String configured = System.getProperty("tributary.app-jar");
        assertThat(configured).as("the failsafe run passes the packaged jar").isNotBlank();
        Path jar = Path.of(configured);
        assertThat(jar).exists();
        return jar;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private AppProcess track(AppProcess process) {
        started.add(process);
        return process;
    }
}
