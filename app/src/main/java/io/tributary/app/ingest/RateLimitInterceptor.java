package io.tributary.app.ingest;

import io.tributary.app.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Rate limits on the public intake (collect and {@code /v1/*}): one budget per source (by its token or write key)
 * and one per client address. Every answer says the tighter budget ({@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}); an exhausted one answers 429 with {@code Retry-After}, before anything is read.
 */
public class RateLimitInterceptor implements HandlerInterceptor {

    public static final String[] PATHS = {"/api/collect/**", "/v1/**"};
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";

    /** {@code tributary.collect.address-rate-limit.*}: the budget of one client address, over all sources. */
    @ConfigurationProperties("tributary.collect.address-rate-limit")
    public record AddressSettings(Double perSecond, Integer burst) {
        public AddressSettings {
            perSecond = perSecond == null ? 400.0 : perSecond;
            burst = burst == null ? 2000 : burst;
        }
    }

    private final SourceRateLimiter perSource;
    private final SourceRateLimiter perAddress;

    public RateLimitInterceptor(SourceRateLimiter perSource, AddressSettings address) {
        this(perSource, new SourceRateLimiter(address.perSecond(), address.burst(), System::nanoTime));
    }

    RateLimitInterceptor(SourceRateLimiter perSource, SourceRateLimiter perAddress) {
        this.perSource = perSource;
        this.perAddress = perAddress;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("OPTIONS".equals(request.getMethod())) {
            return true;
        }
        SourceRateLimiter.Decision address = perAddress.take(request.getRemoteAddr());
        String source = sourceKey(request);
        SourceRateLimiter.Decision decision = source == null ? address : tighter(address, perSource.take(source));
        if (perSource.isOn() || perAddress.isOn()) {
            response.setHeader(LIMIT, Integer.toString(decision.limit()));
            response.setHeader(REMAINING, Integer.toString(decision.remaining()));
        }
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            OverloadInterceptor.letThePixelReadTheRefusal(request, response);
            String field = decision == address ? "client address" : "token";
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, field, "too many requests: retry later");
        }
        return true;
    }

    /** A refusal first, else the budget with fewer requests left. */
    private static SourceRateLimiter.Decision tighter(SourceRateLimiter.Decision a, SourceRateLimiter.Decision b) {
        if (a.allowed() != b.allowed()) {
            return a.allowed() ? b : a;
        }
        return a.remaining() <= b.remaining() ? a : b;
    }

    /** The source's credential as sent (collect: the path token; {@code /v1}: the Authorization header). */
    private static String sourceKey(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("token") instanceof String token) {
            return "token:" + token;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization == null ? null : "auth:" + authorization;
    }
}
