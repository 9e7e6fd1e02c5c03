package io.tributary.app.dashboard;

import io.tributary.app.config.AdminAuthInterceptor;
import io.tributary.app.config.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Log in with the admin token (kept in the server-side session, behind an HttpOnly cookie), and log out. */
@Controller
class LoginPages {

    static final String LOGIN = "/dashboard/login";
    static final String HOME = "/dashboard/sources";

    private final AdminToken adminToken;

    LoginPages(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @GetMapping({"/", "/dashboard", "/dashboard/"})
    String home() {
        return "redirect:" + HOME;
    }

    @GetMapping(LOGIN)
    String loginForm(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        if (DashboardAuthInterceptor.isLoggedIn(request)) {
            return "redirect:" + safeNext(next);
        }
        model.addAttribute("next", safeNext(next));
        return "dashboard/login";
    }

    @PostMapping(LOGIN)
    String login(@RequestParam(required = false) String token, @RequestParam(required = false) String next,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!adminToken.matches(token == null ? null : token.trim())) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("next", safeNext(next));
            model.addAttribute("error", "That is not the admin token. Use TRIBUTARY_ADMIN_TOKEN, or the token printed in the log at first start.");
            return "dashboard/login";
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        request.getSession(true).setAttribute(AdminAuthInterceptor.SESSION_ATTRIBUTE, Boolean.TRUE);
        return "redirect:" + safeNext(next);
    }

    @PostMapping("/dashboard/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + LOGIN + "?loggedOut";
    }

    /** Only our own pages: never an open redirect to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/dashboard/") && !next.startsWith("//") && !next.contains("\\")
                ? next : HOME;
    }
}
