package io.tributary.app.dashboard;

import io.tributary.app.config.AdminAuthInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sends visitors without a logged-in session to the login page (htmx requests: through an HX-Redirect); refuses a
 * logged-in state change that does not come from the dashboard's own origin (403).
 */
class DashboardAuthInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (isLoggedIn(request)) {
            if (AdminAuthInterceptor.isSameOrigin(request)) {
                return true;
            }
            AdminAuthInterceptor.refuseCrossOrigin(response);
            return false;
        }
        String login = LoginPages.LOGIN + "?next=" + URLEncoder.encode(next(request), StandardCharsets.UTF_8);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else if ("GET".equals(request.getMethod())) {
            response.sendRedirect(login);
        } else {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
        return false;
    }

    static boolean isLoggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(AdminAuthInterceptor.SESSION_ATTRIBUTE));
    }

    private static String next(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
