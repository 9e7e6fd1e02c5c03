package io.tributary.app.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GET requests to a store's API with retries: a busy store (429, with its Retry-After) or a failing one (5xx,
 * connection errors) is tried again with a doubling pause; a refusal (other 4xx) is final. Only the method, host and
 * path are ever logged, never credentials.
 */
@Component
public class StoreApiCalls {

    private static final Logger log = LoggerFactory.getLogger(StoreApiCalls.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final CommerceProperties.Backfill settings;

    StoreApiCalls(ObjectMapper mapper, CommerceProperties properties) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.mapper = mapper;
        this.settings = properties.backfill();
    }

    public record Answer(JsonNode body, HttpResponse<byte[]> response) {
    }

    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(settings.httpTimeout())
                .header("Accept", "application/json").GET();
    }

    public Answer get(HttpRequest request) {
        Duration pause = settings.retryDelay();
        String where = request.uri().getHost() + request.uri().getPath();
        for (int attempt = 1; ; attempt++) {
            String problem;
            Duration wait = pause;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Answer(mapper.readTree(response.body()), response);
                }
                problem = "the store answered " + status;
                if (status != 429 && status < 500) {
                    throw new StoreApiException(StoreApiException.Kind.REFUSED, problem + " for GET " + where, null);
                }
                wait = retryAfter(response).orElse(pause);
            } catch (IOException e) {
                problem = "the store could not be reached (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreApiException(StoreApiException.Kind.INTERRUPTED, "interrupted", e);
            }
            if (attempt >= settings.attempts()) {
                throw new StoreApiException(StoreApiException.Kind.UNAVAILABLE,
                        problem + " for GET " + where + " after " + attempt + " attempts", null);
            }
            log.warn("{} for GET {}; attempt {} of {}", problem, where, attempt, settings.attempts());
            sleep(wait);
            pause = pause.multipliedBy(2);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long millis = (long) (Double.parseDouble(value.trim()) * 1000);
                return Optional.of(Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis())));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreApiException(StoreApiException.Kind.INTERRUPTED, "interrupted", e);
        }
    }
}
