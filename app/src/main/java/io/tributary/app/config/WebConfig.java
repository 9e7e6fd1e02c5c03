package io.tributary.app.config;

import io.tributary.app.ingest.RateLimitInterceptor;
import io.tributary.app.ingest.SourceRateLimiter;
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

    public WebConfig(AdminToken adminToken, SourceRateLimiter sourceRateLimiter,
                     RateLimitInterceptor.AddressSettings addressRateLimit) {
        this.adminToken = adminToken;
        this.sourceRateLimiter = sourceRateLimiter;
        this.addressRateLimit = addressRateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthInterceptor(adminToken)).addPathPatterns("/api/**")
                .excludePathPatterns(PUBLIC_INTAKE);
        registry.addInterceptor(new RateLimitInterceptor(sourceRateLimiter, addressRateLimit))
                .addPathPatterns(RateLimitInterceptor.PATHS);
    }
}
