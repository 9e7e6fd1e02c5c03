package io.tributary.app.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admin endpoints need {@code Authorization: Bearer <admin token>}, or a dashboard session that logged in with
 * it (the session attribute {@link #SESSION_ATTRIBUTE}); a state change made with the session must come from this
 * server's own pages ({@link SameOrigin}).
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
        return admit(request, response);
    }

    /** True when the request may go on; else the refusal is written. */
    boolean admit(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            return true;
        }
        if (hasBearer(request)) {
            return true;
        }
        if (hasSession(request)) {
            if (isSameOrigin(request)) {
                return true;
            }
            refuseCrossOrigin(response);
            return false;
        }
        refuse(response);
        return false;
    }

    boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith(BEARER) && adminToken.matches(header.substring(BEARER.length()).trim());
    }

    static boolean hasSession(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_ATTRIBUTE));
    }

    public static boolean isSameOrigin(HttpServletRequest request) {
        return SameOrigin.allows(request.getMethod(), request.getHeader(HttpHeaders.ORIGIN),
                request.getHeader(HttpHeaders.REFERER), request.getHeader(HttpHeaders.HOST));
    }

    public static void refuseCrossOrigin(HttpServletResponse response) throws java.io.IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"errors\":[{\"field\":\"Origin\",\"message\":\"must be this server's own origin\"}]}");
    }

    static void refuse(HttpServletResponse response) throws java.io.IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.getWriter().write("{\"errors\":[{\"field\":\"Authorization\",\"message\":\"a valid admin bearer token is required\"}]}");
    }
}
