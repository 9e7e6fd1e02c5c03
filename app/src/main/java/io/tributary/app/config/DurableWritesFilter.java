package io.tributary.app.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Admin writes (creating a source, rotating a token, a dashboard form…) are durable before they are answered: the
 * answer is held back until {@link MongoEndpoint#flush()} returned. Intake paths flush per batch themselves.
 */
@Component
public class DurableWritesFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String[] INTAKE = {"/api/webhooks", "/api/collect/", "/api/shopify/", "/api/woocommerce/", "/v1/"};

    private final MongoEndpoint store;

    public DurableWritesFilter(MongoEndpoint store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (READS.contains(request.getMethod()) || !(path.startsWith("/api/") || path.startsWith("/dashboard/"))) {
            return true;
        }
        for (String intake : INTAKE) {
            if (path.startsWith(intake)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldResponse held = new HeldResponse(response);
        chain.doFilter(request, held);
        store.flush();
        held.copyBodyToResponse();
    }

    /** Buffers the answer; a redirect or an error, which would send it at once, flushes the store first. */
    private final class HeldResponse extends ContentCachingResponseWrapper {

        HeldResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            store.flush();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            store.flush();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            store.flush();
            super.sendError(status);
        }
    }
}
