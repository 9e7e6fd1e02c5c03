package io.tributary.app.config;

import io.tributary.app.ingest.IngestionQueue;
import io.tributary.app.ingest.OverloadInterceptor;
import io.tributary.app.ingest.RateLimitInterceptor;
import io.tributary.app.ingest.SourceRateLimiter;
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
    private final SourceRateLimiter sourceRateLimiter;
    private final RateLimitInterceptor.AddressSettings addressRateLimit;

    private final IngestionQueue ingestionQueue;

    public WebConfig(AdminToken adminToken, SourceRateLimiter sourceRateLimiter,
                     RateLimitInterceptor.AddressSettings addressRateLimit, IngestionQueue ingestionQueue) {
        this.adminToken = adminToken;
        this.ingestionQueue = ingestionQueue;
        this.sourceRateLimiter = sourceRateLimiter;
        this.addressRateLimit = addressRateLimit;
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
        registry.addInterceptor(new RateLimitInterceptor(sourceRateLimiter, addressRateLimit))
                .addPathPatterns(RateLimitInterceptor.PATHS);
        registry.addInterceptor(new OverloadInterceptor(ingestionQueue)).addPathPatterns(OverloadInterceptor.PATHS);
    }
}
