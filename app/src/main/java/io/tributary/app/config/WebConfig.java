package io.tributary.app.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {

    /** Tracking endpoints authenticate by source token or signature, not by the admin token. */
    static final String[] PUBLIC_INTAKE = {"/api/webhooks", "/api/collect/**", "/api/shopify/**",
        "/api/woocommerce/**"};

    private final AdminToken adminToken;

    public WebConfig(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Bean
    FilterRegistrationBean<AdminPathsFilter> adminPathsFilter() {
        return new FilterRegistrationBean<>(new AdminPathsFilter(new AdminAuthInterceptor(adminToken)));
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        return new FilterRegistrationBean<>(new SecurityHeadersFilter());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthInterceptor(adminToken)).addPathPatterns("/api/**")
                .excludePathPatterns(PUBLIC_INTAKE);
    }
}
