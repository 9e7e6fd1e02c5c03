package io.tributary.app.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code java -jar} of the built app: a store or a node, its output in a log file under the test's directory. */
final class AppProcess {

    private static final Pattern STORE_READY = Pattern.compile("Tributary store listening on mongodb://[^:]+:(\\d+)");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private AppProcess(String name, List<String> command, Map<String, String> environment, Path log, int port) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    static AppProcess store(Path jar, Path dataDir, Path logs) {
        List<String> command = java(jar, "256m");
        command.addAll(List.of("--tributary.role=store", "--tributary.store.port=0",
                "--tributary.data-dir=" + dataDir));
        return new AppProcess("store", command, Map.of(), logs.resolve("store.log"), 0);
    }

    static AppProcess node(Path jar, String nodeId, Map<String, String> environment, List<String> extraArgs,
                           Path logs) {
        int port = freePort();
        List<String> command = java(jar, "640m");
        command.addAll(List.of("--server.port=" + port, "--tributary.node-id=" + nodeId,
                "--tributary.marketing.schedule.enabled=false", "--tributary.cluster.heartbeat=1s",
                "--logging.level.root=warn", "--logging.level.io.tributary=info"));
        command.addAll(extraArgs);
        return new AppProcess(nodeId, command, environment, logs.resolve(nodeId + ".log"), port);
    }

    private static List<String> java(Path jar, String heap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString()));
    }

    AppProcess start() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    /** The store's port, read from its ready line. */
    int awaitStorePort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher ready = STORE_READY.matcher(read());
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
            failIfDead();
            Thread.sleep(200);
        }
        throw new AssertionError("the store did not start in " + timeout + ":\n" + read());
    }

    void awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            failIfDead();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " did not become healthy in " + timeout + ":\n" + tail());
    }

    /** SIGKILL: no shutdown hook, no claim released, no graceful drain. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String tail() {
        String all = read();
        return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
    }

    private void failIfDead() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
        }
    }

    private String read() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
