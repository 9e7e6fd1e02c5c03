package io.tributary.app.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.app.outbound.OutboundHosts;
import io.tributary.app.outbound.OutboundRefused;
import java.io.IOException;
import java.io.InputStream;
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
 * connection errors) is tried again with a doubling pause; a refusal (other 4xx) is final. Only public hosts are
 * called ({@link OutboundHosts}), redirects are never followed (they would carry the credential header along; a
 * 3xx is a refusal), and bodies are read up to a size cap. Only the method, host and path are ever logged, never
 * credentials.
 */
@Component
public class StoreApiCalls {

    private static final Logger log = LoggerFactory.getLogger(StoreApiCalls.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final CommerceProperties.Backfill settings;
    private final OutboundHosts outbound;

    StoreApiCalls(ObjectMapper mapper, CommerceProperties properties, OutboundHosts outbound) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.mapper = mapper;
        this.settings = properties.backfill();
        this.outbound = outbound;
    }

    public record Answer(JsonNode body, HttpResponse<?> response) {
    }

    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(settings.httpTimeout())
                .header("Accept", "application/json").GET();
    }

    public Answer get(HttpRequest request) {
        Duration pause = settings.retryDelay();
        String where = request.uri().getHost() + request.uri().getPath();
        try {
            outbound.check(request.uri());
        } catch (OutboundRefused refused) {
            throw new StoreApiException(StoreApiException.Kind.REFUSED, refused.getMessage() + " (GET " + where + ")", null);
        }
        for (int attempt = 1; ; attempt++) {
            String problem;
            Duration wait = pause;
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Answer(mapper.readTree(read(response, where)), response);
                }
                response.body().close();
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

    private byte[] read(HttpResponse<InputStream> response, String where) throws IOException {
        try {
            return outbound.read(response.body());
        } catch (OutboundRefused tooLarge) {
            throw new StoreApiException(StoreApiException.Kind.REFUSED, tooLarge.getMessage() + " (GET " + where + ")",
                    null);
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
