package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tributary.app.outbound.OutboundHosts;
import io.tributary.app.outbound.OutboundRefused;
import io.tributary.saga.marketing.PullFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * HTTP for the connectors: java.net.http and Jackson with exact decimals. Network trouble is a transient pull
 * failure; a call to a private address, or an answer over the size cap, is a fatal one ({@link OutboundHosts}).
 * Nothing here logs a request, so tokens in headers stay out of logs.
 */
public class PlatformHttp {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient client;
    private final Duration timeout;
    private final OutboundHosts outbound;

    public PlatformHttp(Duration timeout, OutboundHosts outbound) {
        this.outbound = outbound;
        // no redirects: a redirect would carry the credentials' headers to wherever it points
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /** A platform's answer. */
    public record Answer(int status, String body, HttpResponse<?> response) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean serverTrouble() {
            return status == 429 || status >= 500;
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** The body as JSON, or a transient failure naming the platform when it is not JSON. */
        public JsonNode json(String platform) {
            try {
                return JSON.readTree(body == null || body.isBlank() ? "null" : body);
            } catch (JsonProcessingException e) {
                throw PullFailure.transientFailure(platform + " answered HTTP " + status + " without JSON", null);
            }
        }
    }

    public Answer get(URI uri, Map<String, String> headers) {
        return send(request(uri, headers).GET().build(), uri);
    }

    public Answer post(URI uri, Map<String, String> headers, String contentType, String body) {
        return send(request(uri, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), uri);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return query.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder;
    }

    private Answer send(HttpRequest request, URI uri) {
        try {
            outbound.check(uri);
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body = new String(outbound.read(response.body()), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), body, response);
        } catch (OutboundRefused refused) {
            throw PullFailure.fatal(refused.getMessage());
        } catch (IOException e) {
            throw PullFailure.transientFailure("could not reach " + uri.getHost() + " (" + e.getClass().getSimpleName()
                    + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PullFailure.transientFailure("interrupted while calling " + uri.getHost(), null);
        }
    }
}
