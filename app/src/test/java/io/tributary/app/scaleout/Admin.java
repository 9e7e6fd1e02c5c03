package io.tributary.app.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The admin API of one node, answers as JSON trees. */
final class Admin {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String token;

    Admin(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    JsonNode get(AppProcess node, String path) {
        return call(node, HttpRequest.newBuilder(URI.create(node.url(path))).GET(), path);
    }

    /** null when the node answers 404. */
    JsonNode find(AppProcess node, String path) {
        try {
            HttpResponse<String> answer = http.send(request(node, path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 404 ? null : parse(answer, path);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(path, e);
        }
    }

    JsonNode post(AppProcess node, String path, String json) {
        return call(node, request(node, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(AppProcess node, String path) {
        return HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private JsonNode call(AppProcess node, HttpRequest.Builder builder, String path) {
        try {
            HttpResponse<String> answer = http.send(builder.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return parse(answer, path);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(node.name() + " " + path, e);
        }
    }

    private static JsonNode parse(HttpResponse<String> answer, String path) throws IOException {
        if (answer.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
