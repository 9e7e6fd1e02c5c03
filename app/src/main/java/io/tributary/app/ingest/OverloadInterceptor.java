package io.tributary.app.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an intake request while the intake queue is full, before its body is read or validated: under overload
 * the answer (503, Retry-After) comes at once instead of after the work of reading a batch that cannot be queued.
 * A request that passes here can still be refused by the queue itself.
 */
public class OverloadInterceptor implements HandlerInterceptor {

    public static final String[] PATHS = {"/api/collect/**", "/v1/**", "/api/webhooks", "/api/shopify/**",
        "/api/woocommerce/**"};

    private final IngestionQueue queue;

    public OverloadInterceptor(IngestionQueue queue) {
        this.queue = queue;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod()) && queue.isFull()) {
            letThePixelReadTheRefusal(request, response);
            throw new IntakeOverloaded(queue.capacity());
        }
        return true;
    }

    /**
     * A refusal before the source is known still tells a pixel its status (so that it retries later): a collect
     * request from a page gets {@code Access-Control-Allow-Origin: *}, which exposes nothing but the refusal.
     */
    static void letThePixelReadTheRefusal(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader(HttpHeaders.ORIGIN) != null && request.getRequestURI().startsWith("/api/collect/")) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
    }
}
