package io.tributary.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every 503 and 429 tells the client when to come back ({@code Retry-After}), whichever handler answered it, so
 * that each intake adapter gets it without code of its own; a handler that set its own value keeps it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RetryAfterFilter extends OncePerRequestFilter {

    static final String SECONDS = "1";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                retryAfter(status);
                super.setStatus(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                retryAfter(status);
                super.sendError(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                retryAfter(status);
                super.sendError(status, message);
            }

            private void retryAfter(int status) {
                if ((status == SC_SERVICE_UNAVAILABLE || status == 429) && !containsHeader(HttpHeaders.RETRY_AFTER)) {
                    setHeader(HttpHeaders.RETRY_AFTER, SECONDS);
                }
            }
        });
    }
}
