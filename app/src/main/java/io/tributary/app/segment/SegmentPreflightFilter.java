package io.tributary.app.segment;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers CORS preflights of the Segment API. A preflight carries no write key, so it is allowed for any origin;
 * the request that follows is checked against its source's allowed origins.
 */
@Component
class SegmentPreflightFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/v1/";
    private static final String DEFAULT_HEADERS = "Content-Type, Content-Encoding, Authorization";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("OPTIONS".equals(request.getMethod()) && request.getRequestURI().startsWith(PREFIX)
                && request.getHeader(HttpHeaders.ORIGIN) != null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        String requested = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, request.getHeader(HttpHeaders.ORIGIN));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested == null ? DEFAULT_HEADERS : requested);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
