package io.tributary.app.ingest;

import io.tributary.app.web.ApiProblem;
import io.tributary.api.intake.SourceCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers CORS preflights of the collect endpoint with the source's own allowed origins (Spring MVC's CORS
 * support only knows origins fixed in configuration).
 */
@Component
class CollectPreflightFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/api/collect/";
    private final SourceGate gate;

    CollectPreflightFilter(SourceGate gate) {
        this.gate = gate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("OPTIONS".equals(request.getMethod()) && request.getRequestURI().startsWith(PREFIX));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            SourceCredentials source = gate.browser(request.getRequestURI().substring(PREFIX.length()), "token");
            Cors.allow(source, request, response);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
        }
    }
}
