package io.tributary.app.ingest;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The intake's own guards on its public paths: rate limits, and refusal at once when the queue is full. */
@Configuration
class IntakeWebConfig implements WebMvcConfigurer {

    private final SourceRateLimiter sourceRateLimiter;
    private final RateLimitInterceptor.AddressSettings addressRateLimit;
    private final IngestionQueue ingestionQueue;

    IntakeWebConfig(SourceRateLimiter sourceRateLimiter, RateLimitInterceptor.AddressSettings addressRateLimit,
                    IngestionQueue ingestionQueue) {
        this.sourceRateLimiter = sourceRateLimiter;
        this.addressRateLimit = addressRateLimit;
        this.ingestionQueue = ingestionQueue;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(sourceRateLimiter, addressRateLimit))
                .addPathPatterns(RateLimitInterceptor.PATHS);
        registry.addInterceptor(new OverloadInterceptor(ingestionQueue)).addPathPatterns(OverloadInterceptor.PATHS);
    }
}
