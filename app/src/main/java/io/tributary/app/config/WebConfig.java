package io.tributary.app.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {

    private final AdminToken adminToken;

    public WebConfig(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthInterceptor(adminToken))
                .addPathPatterns("/api/sources/**", "/api/sources", "/api/events/**", "/api/events",
                        "/api/profiles/**", "/api/profiles", "/api/projections/**", "/api/projections");
    }
}
