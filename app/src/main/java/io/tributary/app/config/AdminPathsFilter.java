package io.tributary.app.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Metrics and the API description need the admin token (or a dashboard session), as the admin API does: every
 * {@code /actuator} endpoint but health, {@code /v3/api-docs} and the Swagger UI. These are served outside Spring
 * MVC's interceptors, hence a filter.
 */
public class AdminPathsFilter extends OncePerRequestFilter {

    private final AdminAuthInterceptor admin;

    AdminPathsFilter(AdminAuthInterceptor admin) {
        this.admin = admin;
    }

    static boolean isAdminPath(String path) {
        if (path.startsWith("/actuator")) {
            return !(path.equals("/actuator/health") || path.startsWith("/actuator/health/"));
        }
        return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isAdminPath(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (admin.admit(request, response)) {
            chain.doFilter(request, response);
        }
    }
}
