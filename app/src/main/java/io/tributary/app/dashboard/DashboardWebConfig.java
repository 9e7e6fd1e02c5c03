package io.tributary.app.dashboard;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's pages need a logged-in session. The session lives in a cookie only (never in URLs); the cookie is
 * HttpOnly and SameSite=Lax, so scripts cannot read it and other sites cannot send it along with their form posts.
 */
@Configuration
public class DashboardWebConfig implements WebMvcConfigurer {

    static final String SESSION_COOKIE = "JSESSIONID";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DashboardAuthInterceptor()).addPathPatterns("/dashboard", "/dashboard/**")
                .excludePathPatterns(LoginPages.LOGIN);
    }

    @Bean
    CookieSameSiteSupplier dashboardSessionSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName(SESSION_COOKIE);
    }

    @Bean
    ServletContextInitializer httpOnlySessionCookie() {
        return servletContext -> {
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            servletContext.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        };
    }
}
