package io.tributary.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The harness's HTTP side: real requests over loopback to the app. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16))
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String adminToken;

    Http(int port, String adminToken) {
        this.base = "http://127.0.0.1:" + port;
        this.adminToken = adminToken;
    }

    record Answer(int status, String body, long micros) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    Answer collect(String token, List<Map<String, Object>> events) {
        return join(post("/api/collect/" + token, "text/plain", write(Map.of("events", events)), null, null));
    }

    CompletableFuture<Answer> webhookAsync(String token, Map<String, Object> event) {
        return post("/api/webhooks", "application/json", write(event), "X-Webhook-Token", token);
    }

    Answer admin(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + adminToken)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return join(send(request.build()));
    }

    private CompletableFuture<Answer> post(String path, String type, String body, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(header, value);
        }
        return send(request.build());
    }

    private CompletableFuture<Answer> send(HttpRequest request) {
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body(), (System.nanoTime() - start) / 1000));
    }

    private static Answer join(CompletableFuture<Answer> answer) {
        return answer.join();
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
