package io.tributary.app.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admin endpoints need {@code Authorization: Bearer <admin token>}, or a dashboard session that logged in with
 * it (the session attribute {@link #SESSION_ATTRIBUTE}).
 */
public class AdminAuthInterceptor implements HandlerInterceptor {

    public static final String SESSION_ATTRIBUTE = "tributary.admin";

    private static final String BEARER = "Bearer ";
    private final AdminToken adminToken;

    AdminAuthInterceptor(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if ("OPTIONS".equals(request.getMethod())) {
            return true;
        }
        var session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_ATTRIBUTE))) {
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER) && adminToken.matches(header.substring(BEARER.length()).trim())) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.getWriter().write("{\"errors\":[{\"field\":\"Authorization\",\"message\":\"a valid admin bearer token is required\"}]}");
        return false;
    }
}
