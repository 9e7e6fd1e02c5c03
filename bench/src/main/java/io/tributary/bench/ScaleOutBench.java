package io.tributary.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 21's scale-out figure: sustained batch ingest through 1, then 2, then 3 app processes on one shared store
 * process (the jar's {@code --tributary.role=store}), in one run; each level adds a node to the same store.
 * <pre>
 * mvn -B -q -DskipTests package -pl bench -am
 * java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" io.tributary.bench.ScaleOutBench \
 *      app/target/app-0.1.0-SNAPSHOT-exec.jar [seconds per level, 30]
 * </pre>
 */
public final class ScaleOutBench {

    private static final String ADMIN_TOKEN = "scale-out-bench-admin";
    private static final Pattern STORE_READY = Pattern.compile("Tributary store listening on mongodb://[^:]+:(\\d+)");
    private static final int CLIENTS = 8;
    private static final int BATCH = 50;

    private ScaleOutBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Duration perLevel = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        Path work = Files.createTempDirectory("tributary-scale-out");
        List<Process> processes = new ArrayList<>();
        StringBuilder table = new StringBuilder("| app nodes | accepted events/s | p50 / p95 batch latency (ms) | failed requests |\n"
                + "|---:|---:|---|---:|\n");
        try {
            Process store = start(processes, java(jar, "1g", "--tributary.role=store", "--tributary.store.port=0",
                    "--tributary.data-dir=" + work.resolve("store")), work.resolve("store.log"), Map.of());
            int storePort = awaitStorePort(work.resolve("store.log"), store);
            Map<String, String> environment = Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + storePort,
                    "TRIBUTARY_ADMIN_TOKEN", ADMIN_TOKEN, "TRIBUTARY_SECRET_KEY", randomKey(),
                    "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            List<Http> nodes = new ArrayList<>();
            String token = null;
            for (int level = 1; level <= 3; level++) {
                int port = freePort();
                start(processes, java(jar, "1g", "--server.port=" + port, "--tributary.node-id=bench-" + level,
                        "--tributary.marketing.schedule.enabled=false", "--logging.level.root=warn"),
                        work.resolve("node-" + level + ".log"), environment);
                Http node = new Http(port, ADMIN_TOKEN);
                awaitHealthy(node);
                nodes.add(node);
                if (token == null) {
                    token = (String) node.admin("POST", "/api/sources", Map.of("name", "bench", "type", "browser"))
                            .json().get("token");
                }
                sustain(nodes, token, Duration.ofSeconds(10), 1000 * level);
                IngestRun run = sustain(nodes, token, perLevel, 100 * level);
                String row = String.format("| %d | %,.0f | %.0f / %.0f | %d |%n", level, run.acceptedPerSecond(),
                        run.latencies().percentileMillis(50), run.latencies().percentileMillis(95), run.failures());
                System.out.print(row);
                table.append(row);
            }
        } finally {
            for (int i = processes.size() - 1; i >= 0; i--) {
                processes.get(i).destroy();
                processes.get(i).waitFor(30, TimeUnit.SECONDS);
                processes.get(i).destroyForcibly();
            }
        }
        Path results = Path.of("bench", "results", "scale-out-" + LocalDate.now() + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "# Scale-out: sustained batch ingest by number of app nodes (" + LocalDate.now()
                + ")\n\n" + CLIENTS + " clients, batches of " + BATCH + " events to `/api/collect`, round robin over the"
                + " nodes, " + perLevel.toSeconds() + " s per level after a 10 s warm-up; one store process"
                + " (`--tributary.role=store`, file store); every process on this machine's "
                + Runtime.getRuntime().availableProcessors() + " cores.\n\n" + table);
        System.out.println("wrote " + results);
        System.exit(0); // the HTTP clients' pools are not daemon threads
    }

    /** Sends batches from {@code CLIENTS} clients, each to the nodes in turn, for the duration. */
    private static IngestRun sustain(List<Http> nodes, String token, Duration duration, long seed) throws Exception {
        IngestRun run = new IngestRun();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    ShopTraffic traffic = new ShopTraffic(seed + client);
                    int turn = client;
                    while (System.nanoTime() < end) {
                        List<Map<String, Object>> batch = new ArrayList<>();
                        while (batch.size() < BATCH) {
                            batch.addAll(traffic.nextVisit(Instant.now()).browserEvents());
                        }
                        run.record(nodes.get(turn++ % nodes.size()).collect(token, batch.subList(0, BATCH)));
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        run.finish(System.nanoTime() - start, 0);
        return run;
    }

    private static List<String> java(Path jar, String heap, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(List<Process> processes, List<String> command, Path log, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static int awaitStorePort(Path log, Process store) throws Exception {
        for (int i = 0; i < 600; i++) {
            Matcher ready = STORE_READY.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
            if (!store.isAlive()) {
                throw new IllegalStateException("the store exited: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the store did not start");
    }

    private static void awaitHealthy(Http node) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (node.admin("GET", "/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("a node did not start");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
