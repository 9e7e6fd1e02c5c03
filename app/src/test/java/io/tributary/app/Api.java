package io.tributary.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the tests: real requests to the running app, JSON answers as maps. */
public class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {
        public Map<String, Object> json() {
            return read(body, new TypeReference<>() { });
        }

        public List<Map<String, Object>> jsonList() {
            return read(body, new TypeReference<>() { });
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response admin(String method, String path, Object body) {
        return send(method, path, body == null ? null : "application/json", body == null ? null : write(body),
                "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public Response get(String path) {
        return admin("GET", path, null);
    }

    /** Creates a source and answers its token. */
    public Map<String, Object> createSource(String name, String type) {
        Response created = admin("POST", "/api/sources", Map.of("name", name, "type", type));
        if (created.status() != 201) {
            throw new IllegalStateException("source not created: " + created);
        }
        return created.json();
    }

    public Response webhook(String token, Object event) {
        return send("POST", "/api/webhooks", "application/json", write(event), "X-Webhook-Token", token);
    }

    public Response collect(String token, List<?> events) {
        return send("POST", "/api/collect/" + token, "text/plain", write(Map.of("events", events)));
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
