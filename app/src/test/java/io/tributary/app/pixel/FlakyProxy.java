package io.tributary.app.pixel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in front of Tributary that the test can break: it loses the responses of the next collect
 * requests (the request reached the server, the browser sees a network error), or is down altogether (every
 * connection closed without an answer). Each answer closes its connection, so the browser never silently
 * resends a request on a reused connection: every retry seen here is the pixel's own.
 */
final class FlakyProxy implements AutoCloseable {

    private static final Set<String> FORWARDED = Set.of("content-type", "origin", "referer", "user-agent");
    private static final Set<String> NOT_COPIED = Set.of("content-length", "transfer-encoding", "connection", "date");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Collected> collected = new CopyOnWriteArrayList<>();
    private final AtomicInteger responsesToLose = new AtomicInteger();
    private volatile boolean down;
    private volatile String target;

    FlakyProxy() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void target(String baseUrl) {
        this.target = baseUrl;
    }

    void loseNextCollectResponses(int count) {
        responsesToLose.set(count);
    }

    void down(boolean down) {
        this.down = down;
    }

    /** A collect request that reached the proxy, answered or not; {@code mode} is its Sec-Fetch-Mode. */
    record Collected(String mode, String body) {
    }

    List<Collected> collected() {
        return List.copyOf(collected);
    }

    /** The collect requests whose body contains the text. */
    List<Collected> collected(String text) {
        return collected.stream().filter(request -> request.body().contains(text)).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean collect = exchange.getRequestURI().getPath().startsWith("/api/collect/")
                    && "POST".equals(exchange.getRequestMethod());
            if (collect) {
                collected.add(new Collected(exchange.getRequestHeaders().getFirst("Sec-Fetch-Mode"),
                        new String(body, StandardCharsets.UTF_8)));
            }
            if (down) {
                return; // closing before any answer: the browser sees a network error
            }
            HttpResponse<byte[]> answer = http.send(request(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
            if (collect && responsesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return; // stored by the server, but the answer is lost
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.getResponseHeaders().set("Connection", "close");
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
